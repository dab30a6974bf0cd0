import { readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/seeds.ts";

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const runs = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run).filter(Boolean)) as string[];
const uses = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses?.split("@")[0]).filter(Boolean));

describe("CI/CD workflows", () => {
  const readme = read("README.md");

  it("runs npm ci, npm test, npm run check and npm run build on push and pull request", () => {
    const ci = workflow("ci.yml");
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    const commands = runs(ci).filter((r) => r.startsWith("npm"));
    expect(commands).toEqual(["npm ci", "npm test", "npm run check", "npm run build"]);
    for (const command of ["npm test", "npm run check", "npm run build"]) expect(readme).toContain(`\`${command}`);
  });

  it("deploys _site/ to GitHub Pages with the official actions and the project page's prefix", () => {
    const deploy = workflow("deploy.yml");
    expect(deploy.on.push).toEqual({ branches: ["main"] });
    expect(uses(deploy)).toEqual(expect.arrayContaining(["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]));
    const build = deploy.jobs.build!.steps.find((s) => s.run === "npm run build")!;
    expect(build.env?.SITE_URL).toContain("steps.pages.outputs.base_url");
    expect(deploy.jobs.build!.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))!.with?.path).toBe("_site");
    expect(deploy.jobs.deploy!.needs).toBe("build");
  });

  it("rebuilds every day at 00:05 Asia/Shanghai", () => {
    const deploy = workflow("deploy.yml");
    const [cron] = (deploy.on.schedule as { cron: string }[]).map((s) => s.cron);
    const [minute, hour] = cron!.split(" ").map(Number);
    const shanghai = DateTime.fromObject({ hour, minute }, { zone: "UTC" }).setZone("Asia/Shanghai");
    expect(shanghai.toFormat("HH:mm")).toBe("00:05");
  });

  it("pins the Node version in .nvmrc, engines and every workflow", () => {
    const nvmrc = read(".nvmrc").trim();
    expect(nvmrc).toMatch(/^\d+\.\d+\.\d+$/);
    const engines = JSON.parse(read("package.json")).engines.node as string;
    expect(engines).toContain(nvmrc.split(".")[0]!);
    for (const name of ["ci.yml", "deploy.yml"]) {
      const setup = Object.values(workflow(name).jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith("actions/setup-node"));
      for (const step of setup) expect(step.with?.["node-version-file"]).toBe(".nvmrc");
    }
  });

  it("has .ci/run install from the lock file and run the README's test command", () => {
    const script = read(".ci/run");
    expect(script).toContain("npm ci");
    expect(script).toMatch(/^npm test$/m);
    expect(readme).toMatch(/`npm test`/);
  });
});
