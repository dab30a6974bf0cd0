/**
 * npm run check [-- --json] [--quiet]
 *
 * Validates all content with the build's own validation and reports every problem at once:
 * errors (file:line, field, what was expected), warnings (guessed fields, missing
 * translations, weeks without a digest, duplicate titles, news items without a source,
 * likely duplicate tags (case, width, spacing, plurals) the tag registry does not merge yet,
 * a brief's item citing the page an earlier brief's item cites,
 * translations whose original changed after they were made or is gone;
 * for the entity registry: names two entities share but for
 * case, entities no post mentions, exclusions of what a post never mentions) and notes
 * (routine derivations; names in several posts that look like entities but are not in the
 * registry). When a built site is
 * present it also checks every internal link and #fragment in it.
 * Exit 1 on errors, 0 with warnings only.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblem } from "../src/content/errors.ts";
import { loadContent, projectRoots } from "../src/content/load.ts";
import { createMatcher } from "../src/entities/matcher.ts";
import { loadRegistry } from "../src/entities/registry.ts";
import { loadTagRegistry } from "../src/tags/registry.ts";
import { reviewEntities } from "../src/entities/review.ts";
import { storyItems } from "../src/collections/stories.ts";
import { repeatedSources } from "../src/stories/duplicates.ts";
import { buildOptions } from "../src/options.ts";
import { futureChanges, reviewContent, type Finding } from "../src/site/check.ts";
import { checkLinks } from "../src/site/linkcheck.ts";
import { buildSite } from "../src/site/site.ts";
import { findSiteFiles, LEFT_OUT } from "../src/site/assets.ts";
import { gitHistory } from "../src/desk/history.ts";
import { translationFindings } from "../src/desk/review.ts";

export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  linksChecked: boolean;
}

export function runCheck(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): CheckResult {
  const options = buildOptions(env, root);
  const { posts, problems } = loadContent({
    root: options.root,
    contentDir: options.contentDir,
    timeZone: options.config.timeZone,
    authors: options.config.authors,
  });
  const { registry, problems: registryProblems } = loadRegistry(options.root, options.contentDir, projectRoots(options.root, options.contentDir));
  const tags = loadTagRegistry(options.root, options.contentDir, projectRoots(options.root, options.contentDir));
  const assets = findSiteFiles(options.root, options.contentDir, projectRoots(options.root, options.contentDir));
  const findings: Finding[] = [...problems, ...registryProblems, ...tags.problems, ...assets.problems].map((p) => ({ ...p, level: "error" as const }));
  findings.push(...assets.leftOut.map((file) => ({ level: "warning" as const, file, message: LEFT_OUT })));
  // Every page type, so every address of the site is in the clash check; feeds render only when written.
  const site = buildSite(posts, options.config, { entities: registry, tags: tags.registry, assets: assets.urls });
  findings.push(...site.problems.map((p) => ({ ...p, level: "error" as const })));
  findings.push(...reviewContent(posts, site, tags.registry));
  findings.push(...futureChanges(posts, options.now));
  findings.push(...translationFindings(posts, options.config, gitHistory(options.root, options.config.timeZone), new Set(problems.map((p) => p.file))));
  const items = storyItems(site.context.entries, undefined, registry, new URL(options.config.url).origin);
  findings.push(...repeatedSources(items).map((p) => ({ ...p, level: "warning" as const })));
  const reviewed = site.context.entries.map(({ post, entities }) => ({
    sourcePath: post.sourcePath,
    title: post.title,
    body: post.body,
    mentioned: entities.mentions.map((m) => m.id),
    excluded: post.entities.exclude,
  }));
  // The build's own matcher when the registry has entities; none to review otherwise.
  const finder = site.linkTargets.entities?.finder ?? createMatcher([]);
  findings.push(...reviewEntities(registry, finder, reviewed));

  const outDir = path.resolve(root, options.outputDir);
  const linksChecked = existsSync(path.join(outDir, "index.html"));
  if (linksChecked) {
    for (const broken of checkLinks(outDir, options.pathPrefix).broken) {
      findings.push({ level: "error", file: `${options.outputDir}${broken.page}`, field: "link", message: `${broken.href} ${broken.reason}` });
    }
  }
  const order = { error: 0, warning: 1, note: 2 };
  findings.sort((a, b) => order[a.level] - order[b.level] || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {
    findings,
    errors: findings.filter((f) => f.level === "error").length,
    warnings: findings.filter((f) => f.level === "warning").length,
    linksChecked,
  };
}

function main(): number {
  const { values } = parseArgs({ options: { json: { type: "boolean", default: false }, quiet: { type: "boolean", default: false } } });
  const result = runCheck();
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    for (const finding of result.findings) {
      if (values.quiet && finding.level === "note") continue;
      const line = `${finding.level}: ${formatProblem(finding)}`;
      if (finding.level === "error") console.error(line);
      else console.log(line);
    }
    if (!result.linksChecked) console.log("note: no built site found; run npm run build to check its links too");
    console.log(`${result.errors} error${result.errors === 1 ? "" : "s"}, ${result.warnings} warning${result.warnings === 1 ? "" : "s"}`);
  }
  return result.errors > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
