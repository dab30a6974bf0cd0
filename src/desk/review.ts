import type { SiteConfig } from "../config.ts";
import type { Post } from "../content/schema.ts";
import type { Finding } from "../site/check.ts";
import { staleText, translationDescriber } from "./desk.ts";
import type { History } from "./history.ts";
import { recordedPath, translationStates } from "./translations.ts";

/**
 * `npm run check`'s warnings about translations out of step: a translation whose original
 * changed after it was made, and one whose original is gone. Each names both files. An
 * original that is there but does not read (in `unreadable`) is npm run check's error already.
 */
export function translationFindings(posts: Post[], config: Pick<SiteConfig, "timeZone" | "rhythm" | "defaultLang">, history?: History, unreadable?: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const describe = translationDescriber(config.timeZone, history);
  for (const [post, state] of translationStates(posts, config.rhythm.translated, config.defaultLang, unreadable)) {
    if (state.translation !== post || !post.translationOf) continue;
    const line = post.translationOf.line;
    const original = recordedPath(post, post.translationOf);
    if (state.state === "stale") {
      const t = describe(post, state);
      findings.push({ level: "warning", file: post.sourcePath, line, field: "translationOf", message: `${staleText(t.stale, state.original!.lang, state.original!.sourcePath)}; update it, then npm run status -- --accept ${post.sourcePath}` });
    } else if (state.state === "source missing") {
      const slug = post.translationOf.slug ? ` and no post has its last known slug ${post.translationOf.slug}` : "";
      findings.push({ level: "warning", file: post.sourcePath, line, field: "translationOf", message: `its original ${original} is gone: no post has that path${slug}; set translationOf.source to the original's path below the content folder` });
    }
  }
  return findings;
}
