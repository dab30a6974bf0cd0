/**
 * npm run build: validates every post first (one line per problem, exit 1), then runs
 * Eleventy into _site/. Nothing is written when content has errors.
 */
import Eleventy from "@11ty/eleventy";
import { ContentError, formatProblem } from "../src/content/errors.ts";
import { buildOptions } from "../src/options.ts";
import { loadBlog } from "../src/site/plugin.ts";

async function main(): Promise<number> {
  let options;
  try {
    options = buildOptions();
    const blog = loadBlog(options);
    console.log(`content: ${blog.posts.length} posts`);
  } catch (error) {
    if (error instanceof ContentError) {
      for (const problem of error.problems) console.error(`error: ${formatProblem(problem)}`);
      console.error(`build failed: ${error.problems.length} content problem${error.problems.length === 1 ? "" : "s"}; nothing was written`);
      return 1;
    }
    if (error instanceof Error && error.message.startsWith("SITE_URL")) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const started = performance.now();
  const eleventy = new Eleventy(undefined, undefined, { configPath: "eleventy.config.ts", quietMode: true });
  await eleventy.write();
  console.log(`built _site/ in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return 0;
}

process.exitCode = await main();
