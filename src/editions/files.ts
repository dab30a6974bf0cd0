import type { Edition, EditionKind } from "./edition.ts";
import { emailHtml, emailText } from "./email.ts";
import { wechatHtml } from "./wechat.ts";
import type { EditionFile } from "./write.ts";

/**
 * An edition's files: the email as HTML and its plain-text alternative, or the WeChat page.
 * Named `<lang>-<slug>.<kind>.<ext>`, so both languages of a post sit side by side.
 */
export function editionFiles(edition: Edition, kind: EditionKind): EditionFile[] {
  const base = `${edition.lang}-${edition.slug}`;
  return kind === "email"
    ? [
        { name: `${base}.email.html`, text: emailHtml(edition) },
        { name: `${base}.email.txt`, text: emailText(edition) },
      ]
    : [{ name: `${base}.wechat.html`, text: wechatHtml(edition) }];
}
