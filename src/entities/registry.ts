import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { parseRegistryYaml } from "../content/registry-yaml.ts";
import { z } from "zod";
import { LANGS, type Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import { SLUG_PATTERN } from "../i18n/slug.ts";
import { escapingLinkProblem, realRoot, relativePath, walkFiles, type FoundFiles } from "../content/files.ts";
import { aliasProblem } from "./matcher.ts";

/*
 * The entity registry: who and what the news is about. It lives in the content folder as
 * YAML files under `entities/` (one per type by convention: organizations.yaml, models.yaml…),
 * each a map from an entity's id to its names, aliases and relations. Editors change it in
 * the same commits as posts; a folder keeps each file short and each diff small.
 */

export const ENTITY_TYPES = ["organization", "model", "product", "person"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The schema.org type of each entity type in structured data (schema.org has no type for a model). */
export const SCHEMA_ORG_TYPES: Record<EntityType, string> = {
  organization: "Organization",
  model: "SoftwareApplication",
  product: "Product",
  person: "Person",
};

/** The folder of registry files inside the content folder. */
export const ENTITIES_DIR = "entities";

export interface Entity {
  /** URL segment of the entity's pages; the key in its registry file. */
  id: string;
  type: EntityType;
  name: Record<Lang, string>;
  /** Every spelling a post may use, names included, each once. */
  aliases: string[];
  homepage?: string;
  /** The organization it belongs to (a model's maker, a person's employer, a lab's parent). */
  org?: string;
  description: Partial<Record<Lang, string>>;
  /** Where it is defined, for messages. */
  file: string;
  line: number;
}

export interface EntityRegistry {
  /** By id, in the order of the files and their entries. */
  entities: Map<string, Entity>;
}

export const emptyRegistry = (): EntityRegistry => ({ entities: new Map() });


const nameSchema = z.union([z.string().trim().min(1), z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) }).strict()], {
  error: "expected a name, or one per language: { zh: 千问, en: Qwen }",
});

const entrySchema = z
  .object({
    type: z.enum(ENTITY_TYPES, { error: `expected one of ${ENTITY_TYPES.join(", ")}` }),
    name: nameSchema,
    aliases: z.array(z.union([z.string(), z.number()]).transform(String), { error: "expected a list of names: [通义千问, Qwen]" }).optional(),
    homepage: z.url({ protocol: /^https?$/, error: "expected an http(s) address such as https://openai.com/" }).optional(),
    org: z.string({ error: "expected the id of an organization in the registry" }).optional(),
    description: z
      .object({ zh: z.string().optional(), en: z.string().optional() }, { error: "expected one line per language: { zh: …, en: … }" })
      .strict()
      .optional(),
  }, { error: 'expected the entity\'s fields indented below its id, such as "type: organization" and "name: OpenAI"' })
  .strict();

/** A registry file as read: its path (relative to the project root, for messages) and text. */
export interface RegistryFile {
  path: string;
  text: string;
}

/**
 * The registry files under a content folder, sorted; none when there is no entities/ folder.
 * A link leading out of `roots` (default: the content folder) is listed apart, never read.
 */
export function findRegistryFiles(contentRoot: string, roots?: readonly string[]): FoundFiles {
  return walkFiles(path.join(contentRoot, ENTITIES_DIR), { roots: roots ?? [realRoot(contentRoot)], accept: (name) => /\.ya?ml$/i.test(name), skip: (name) => name.startsWith("."), recursive: false });
}

export const listRegistryFiles = (contentRoot: string, roots?: readonly string[]): string[] => findRegistryFiles(contentRoot, roots).files;

/** What a change to the registry files is detected by: each file's path, size and mtime. */
export function registryStamp(files: string[]): string {
  return files
    .map((file) => {
      // An editor's save may replace the file between the listing and this look at it.
      const stat = statSync(file, { throwIfNoEntry: false });
      return `${file}:${stat?.size}:${stat?.mtimeMs}`;
    })
    .join("|");
}

/** Reads and validates the registry under `<root>/<contentDir>/entities/`. */
export function loadRegistry(root: string, contentDir: string, roots?: readonly string[]): { registry: EntityRegistry; problems: ContentProblem[] } {
  const found = findRegistryFiles(path.resolve(root, contentDir), roots);
  const rel = (file: string) => relativePath(root, file);
  const files = found.files.map((file) => ({ path: rel(file), text: readFileSync(file, "utf8") }));
  const parsed = parseRegistry(files);
  return { ...parsed, problems: [...found.escaping.map((link) => escapingLinkProblem(link, rel)), ...parsed.problems] };
}

/** Builds the registry from its files; every problem of every file is reported, with its line. */
export function parseRegistry(files: RegistryFile[]): { registry: EntityRegistry; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const entities = new Map<string, Entity>();
  const orgFields: { entity: Entity; line: number }[] = [];
  const aliasOwner = new Map<string, Entity>();

  for (const file of files) {
    // Duplicate keys are reported below, with their lines.
    const { doc, lineOf, errors } = parseRegistryYaml(file.text);
    const problem = (line: number, field: string | undefined, message: string) => problems.push({ file: file.path, line, field, message });
    if (errors.length) {
      for (const error of errors) problem(error.line, undefined, error.message);
      continue;
    }
    if (doc.contents === null) continue;
    if (!isMap(doc.contents)) {
      problem(lineOf(doc.contents), undefined, 'expected a map from entity ids to entities: a line "openai:", then its fields indented below it');
      continue;
    }
    for (const pair of doc.contents.items) {
      const keyNode = pair.key as Node;
      const id = isScalar(keyNode) ? String(keyNode.value) : "";
      const line = lineOf(keyNode);
      // An id is a URL segment, like a post's slug.
      if (!SLUG_PATTERN.test(id)) {
        problem(line, id || "id", `"${id}" is not an entity id; expected lowercase ASCII letters, digits and hyphens such as claude-opus-4-6`);
        continue;
      }
      const valueNode = pair.value as Node | null;
      const fieldLine = (field: string, index?: number) => {
        if (!isMap(valueNode)) return line;
        const node = valueNode.get(field, true) as Node | undefined;
        if (index !== undefined && isSeq(node)) return lineOf(node.items[index] as Node);
        return node ? lineOf(node) : line;
      };
      if (isMap(valueNode)) {
        const fields = new Set<string>();
        for (const field of valueNode.items) {
          const name = isScalar(field.key) ? String(field.key.value) : "";
          if (fields.has(name)) problem(lineOf(field.key as Node), `${id}.${name}`, `is given twice; keep one`);
          fields.add(name);
        }
      }
      const parsed = entrySchema.safeParse(valueNode ? (valueNode as Node).toJSON() : undefined);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const [field, index] = issue.path as [string | undefined, number | undefined];
          const unknown = issue.code === "unrecognized_keys" ? ` "${issue.keys.join('", "')}"; expected type, name, aliases, homepage, org, description` : "";
          problem(field ? fieldLine(field, typeof index === "number" ? index : undefined) : line, field ? `${id}.${field}` : id, unknown ? `unknown field${unknown}` : issue.message);
        }
        continue;
      }
      const earlier = entities.get(id);
      if (earlier) {
        problem(line, id, `the id "${id}" is already used by ${earlier.file}:${earlier.line}; each entity needs its own id`);
        continue;
      }
      const data = parsed.data;
      const name = typeof data.name === "string" ? { zh: data.name, en: data.name } : data.name;
      const entity: Entity = {
        id,
        type: data.type,
        name,
        aliases: [],
        homepage: data.homepage,
        org: data.org,
        description: data.description ?? {},
        file: file.path,
        line,
      };
      const spellings: [string, number, string][] = [
        ...LANGS.map((lang): [string, number, string] => [name[lang], fieldLine("name"), "name"]),
        ...(data.aliases ?? []).map((alias, i): [string, number, string] => [alias.trim(), fieldLine("aliases", i), "aliases"]),
      ];
      const checked = new Set<string>();
      for (const [alias, aliasLine, field] of spellings) {
        if (checked.has(alias)) continue;
        checked.add(alias);
        const tooBroad = aliasProblem(alias);
        if (tooBroad) {
          problem(aliasLine, `${id}.${field}`, `"${alias}" ${tooBroad}`);
          continue;
        }
        const owner = aliasOwner.get(alias);
        if (owner) {
          problem(aliasLine, `${id}.${field}`, `"${alias}" already names "${owner.id}" (${owner.file}:${owner.line}); a name can lead to one entity only`);
          continue;
        }
        aliasOwner.set(alias, entity);
        entity.aliases.push(alias);
      }
      entities.set(id, entity);
      if (data.org !== undefined) orgFields.push({ entity, line: fieldLine("org") });
    }
  }

  // Relations are checked once every file is read: an entity may name one defined later.
  for (const { entity, line } of orgFields) {
    const target = entities.get(entity.org!);
    const where = { file: entity.file, line, field: `${entity.id}.org` };
    if (!target) problems.push({ ...where, message: `"${entity.org}" is not an entity id in the registry; add it, or fix the id` });
    else if (target.type !== "organization") problems.push({ ...where, message: `"${entity.org}" is a ${target.type}; org names the organization ${entity.id} belongs to` });
    else if (target === entity) problems.push({ ...where, message: "an entity cannot belong to itself" });
  }
  return { registry: { entities }, problems };
}
