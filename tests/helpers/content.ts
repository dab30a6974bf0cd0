import { site } from "../../src/config.ts";
import { loadContent } from "../../src/content/load.ts";
import { normalizePost } from "../../src/content/normalize.ts";
import type { Post } from "../../src/content/schema.ts";
import { loadRegistry, parseRegistry, type EntityRegistry } from "../../src/entities/registry.ts";
import { ROOT } from "./seeds.ts";

/** The posts of the real content/ folder. */
export function realPosts(): Post[] {
  const { posts, problems } = loadContent({ root: ROOT, contentDir: "content", timeZone: site.timeZone, authors: site.authors });
  if (problems.length) throw new Error(JSON.stringify(problems));
  return posts;
}

/** A post from inline source, as if it lived at content/<contentPath>. */
export function post(contentPath: string, source: string): Post {
  const result = normalizePost(source, { sourcePath: `content/${contentPath}`, contentPath, timeZone: site.timeZone, authors: site.authors });
  if (!result.post) throw new Error(JSON.stringify(result.problems));
  return result.post;
}

/** The entity registry of the real content/ folder. */
export function realRegistry(): EntityRegistry {
  const { registry, problems } = loadRegistry(ROOT, "content");
  if (problems.length) throw new Error(JSON.stringify(problems));
  return registry;
}

/** A registry from inline YAML, as if it were content/entities/test.yaml; throws on problems. */
export function registryOf(yaml: string): EntityRegistry {
  const { registry, problems } = parseRegistry([{ path: "content/entities/test.yaml", text: yaml }]);
  if (problems.length) throw new Error(JSON.stringify(problems));
  return registry;
}
