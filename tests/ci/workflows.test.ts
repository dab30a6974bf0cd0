import { readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/seeds.ts";

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string | boolean>;
  env?: Record<string, string>;
}
interface Job {
  steps: Step[];
  needs?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: Record<string, string[]> };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const runs = (job: Job) => job.steps.map((s) => s.run).filter(Boolean) as string[];
const uses = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses?.split("@")[0]).filter(Boolean));

describe("CI/CD workflows", () => {
  const readme = read("README.md");

  it("runs npm ci, npm test, npm run check and npm run build on push and pull request", () => {
    const ci = workflow("ci.yml");
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    const commands = runs(ci.jobs.test!).filter((r) => r.startsWith("npm"));
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

  it("keeps the drawn share images between deploys, restored before the build", () => {
    const steps = workflow("deploy.yml").jobs.build!.steps;
    const cache = steps.findIndex((s) => s.uses?.startsWith("actions/cache@"));
    expect(steps[cache]?.with).toMatchObject({ path: ".cache/share-images", "restore-keys": "share-images-" });
    expect(cache).toBeLessThan(steps.findIndex((s) => s.run === "npm run build"));
  });

  it("gives write tokens only to the job that deploys, never to the one that runs npm ci", () => {
    const deploy = workflow("deploy.yml");
    expect(deploy.permissions).toEqual({});
    expect(deploy.jobs.build!.permissions).toEqual({ contents: "read", pages: "read" });
    expect(deploy.jobs.deploy!.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(runs(deploy.jobs.deploy!)).toEqual([]);
    expect(workflow("ci.yml").permissions).toEqual({ contents: "read" });
    for (const name of ["ci.yml", "deploy.yml"]) {
      for (const job of Object.values(workflow(name).jobs)) {
        for (const step of job.steps.filter((s) => s.uses?.startsWith("actions/checkout"))) expect(step.with?.["persist-credentials"], name).toBe(false);
      }
    }
  });

  it("audits the runtime dependencies and has Dependabot propose updates for npm and the actions", () => {
    expect(runs(workflow("ci.yml").jobs.audit!)).toEqual(["npm audit --omit=dev --audit-level=high"]);
    const dependabot = parse(read(".github/dependabot.yml")) as { updates: { "package-ecosystem": string; schedule: { interval: string } }[] };
    expect(dependabot.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
  });

  it("rebuilds every day at 00:05 Asia/Shanghai", () => {
    const deploy = workflow("deploy.yml");
    const [cron] = (deploy.on.schedule as { cron: string }[]).map((s) => s.cron);
    const [minute, hour] = cron!.split(" ").map(Number);
    const shanghai = DateTime.fromObject({ hour, minute }, { zone: "UTC" }).setZone("Asia/Shanghai");
    expect(shanghai.toFormat("HH:mm")).toBe("00:05");
  });

  it("runs on the current Node LTS (.nvmrc), keeps Node 20.19 building, and says so everywhere", () => {
    const nvmrc = read(".nvmrc").trim();
    expect(nvmrc).toMatch(/^\d+$/);
    // Even-numbered majors become LTS; Node 20 reached its end of life on 2026-04-30.
    expect(Number(nvmrc) % 2).toBe(0);
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(24);
    const engines = JSON.parse(read("package.json")).engines.node as string;
    for (const version of [`${nvmrc}.0.0`, "20.19.0", process.versions.node]) expect(semver.satisfies(version, engines), `${version} vs ${engines}`).toBe(true);
    for (const name of ["ci.yml", "deploy.yml"]) {
      const jobs = Object.entries(workflow(name).jobs).filter(([id]) => id !== "production-install");
      for (const [, job] of jobs) for (const step of job.steps.filter((s) => s.uses?.startsWith("actions/setup-node"))) expect(step.with?.["node-version-file"]).toBe(".nvmrc");
    }
    expect(readme).toContain(`Node ${nvmrc}`);
    expect(readme).toContain("20.19");
  });

  it("proves a production install (runtime dependencies only) builds on the LTS and on Node 20.19", () => {
    const job = workflow("ci.yml").jobs["production-install"]!;
    expect(job.strategy?.matrix.node).toEqual(["lts/*", "20.19"]);
    expect(runs(job)).toEqual(["npm ci --omit=dev", "npm run build"]);
    expect(runs(workflow("deploy.yml").jobs.build!)).toContain("npm ci --omit=dev");
    expect(read(".ci/run")).toMatch(/npm ci --omit=dev[^\n]*\nnpm run build/);
  });

  it("uses action majors that run on a supported Node runtime", () => {
    const oldest: Record<string, number> = { "actions/checkout": 6, "actions/setup-node": 6, "actions/configure-pages": 6, "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5, "actions/cache": 5 };
    for (const name of ["ci.yml", "deploy.yml"]) {
      for (const job of Object.values(workflow(name).jobs)) {
        for (const step of job.steps.filter((s) => s.uses)) {
          const [action, version] = step.uses!.split("@");
          expect(oldest[action!], `${name}: ${step.uses}`).toBeDefined();
          expect(Number(version!.replace(/^v/, "")), `${name}: ${step.uses}`).toBeGreaterThanOrEqual(oldest[action!]!);
        }
      }
    }
  });

  it("has .ci/run install from the lock file and run the README's test command", () => {
    const script = read(".ci/run");
    expect(script).toContain("npm ci");
    expect(script).toMatch(/^npm test$/m);
    // The tests run in a clone inside an empty folder, as a user's CI would: nothing beside it.
    expect(script).toMatch(/git clone -q "\$repo" "\$scratch\/test\/repo"\ncd "\$scratch\/test\/repo"/);
    expect(readme).toMatch(/`npm test`/);
  });
});
