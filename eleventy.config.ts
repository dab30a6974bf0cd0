import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { i18nPlugin } from "./src/i18n/plugin.ts";
import { deskPagePlugin } from "./src/dev/desk.ts";
import { devServerPlugin } from "./src/dev/server.ts";
import { devSearchPlugin } from "./src/search/plugin.ts";
import { securityPlugin } from "./src/security/plugin.ts";
import { buildOptions } from "./src/options.ts";
import { contentPlugin } from "./src/site/plugin.ts";

/** Wiring only: each feature lives in its own module under src/. */
export default function (eleventyConfig: UserConfig) {
  const options = buildOptions();

  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(contentPlugin, options);
  eleventyConfig.addPlugin(i18nPlugin, { timeZone: options.config.timeZone });
  eleventyConfig.addPlugin(securityPlugin);
  eleventyConfig.addPlugin(devSearchPlugin);
  // A paginated template is compiled again for each page it makes; the markup of a page type
  // with many pages lives in its `*.layout.njk`, which Nunjucks compiles once.
  eleventyConfig.ignores.add("src/pages/**/*.layout.njk");
  eleventyConfig.addWatchTarget("src/pages/**/*.layout.njk");
  eleventyConfig.setQuietMode(true);
  if (options.devServer) {
    eleventyConfig.addPlugin(devServerPlugin, { host: options.devHost, port: options.devPort });
    eleventyConfig.addPlugin(deskPagePlugin, { root: options.root, contentDir: options.contentDir, config: options.config });
  }

  return {
    dir: { input: "src/pages", includes: "../../layouts", output: options.outputDir },
    pathPrefix: options.pathPrefix,
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
