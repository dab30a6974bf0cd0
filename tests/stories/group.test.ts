import { describe, expect, it } from "vitest";
import { groupStories, type StoryInput } from "../../src/stories/group.ts";

interface Item extends StoryInput {
  name: string;
}

const ORGANIZATIONS = new Set(["openai", "anthropic", "microsoft", "elevenlabs", "google"]);

/** An item on a day (or a span "1-7"), citing keys, naming entities, stating sums. */
function item(name: string, days: string, sources: string[] = [], entities: string[] = [], amounts: string[] = []): Item {
  const [start, end = start] = days.split("-").map(Number) as [number, number?];
  return { name, start, end: end!, sources, entities: entities.map((id) => ({ id, specific: !ORGANIZATIONS.has(id) })), amounts };
}

const storiesOf = (items: Item[]) => groupStories(items).stories.map((story) => story.map((i) => i.name));

describe("grouping news items into stories", () => {
  it.each<[string, Item[], string[][]]>([
    ["the same page cited on two days", [item("a", "1", ["x.com/1"]), item("b", "9", ["x.com/1"])], [["a", "b"]]],
    ["two pages on one host", [item("a", "1", ["x.com/1"]), item("b", "1", ["x.com/2"])], [["a"], ["b"]]],
    ["a model named within days", [item("a", "1", [], ["openai", "gpt-5"]), item("b", "3", [], ["gpt-5"])], [["a", "b"]]],
    ["a model named too long after", [item("a", "1", [], ["gpt-5"]), item("b", "6", [], ["gpt-5"])], [["a"], ["b"]]],
    ["one company in two stories", [item("a", "1", [], ["openai"]), item("b", "2", [], ["openai"])], [["a"], ["b"]]],
    ["two companies together", [item("a", "1", [], ["microsoft", "anthropic"]), item("b", "2", [], ["anthropic", "microsoft"])], [["a", "b"]]],
    ["one company and one sum of money", [item("a", "1", [], ["elevenlabs"], ["5亿美元"]), item("b", "2", [], ["elevenlabs"], ["5亿美元", "110亿美元"])], [["a", "b"]]],
    ["one company and different sums", [item("a", "1", [], ["elevenlabs"], ["5亿美元"]), item("b", "2", [], ["elevenlabs"], ["3亿美元"])], [["a"], ["b"]]],
    ["a digest's week and a brief inside it", [item("digest", "1-7", [], ["gpt-5"]), item("brief", "6", [], ["gpt-5"])], [["digest", "brief"]]],
    ["an item citing two stories' pages, which joins the one it shares most with and merges nothing", [item("a", "1", ["x.com/1"]), item("b", "2", ["x.com/2", "x.com/3"]), item("c", "3", ["x.com/1", "x.com/2", "x.com/3"])], [["a"], ["b", "c"]]],
    ["a page cited again months later, such as a repository", [item("a", "1", ["github.com/o/r"]), item("b", "20", ["github.com/o/r"]), item("c", "90", ["github.com/o/r"]), item("d", "95", ["github.com/o/r"])], [["a", "b"], ["c", "d"]]],
    ["one company and a sum the story's first item does not state, only an item joined by names", [item("a", "1", [], ["elevenlabs", "gpt-5"]), item("b", "1", [], ["gpt-5"], ["5亿美元"]), item("c", "2", [], ["elevenlabs"], ["5亿美元"])], [["a", "b"], ["c"]]],
    ["one company and a sum an item citing the story's page states, in another language", [item("en", "1", ["x.com/1"], ["elevenlabs"], ["$500million"]), item("zh", "1", ["x.com/1"], [], ["5亿美元"]), item("brief", "2", [], ["elevenlabs"], ["5亿美元"])], [["en", "zh", "brief"]]],
  ])("%s", (_, items, expected) => {
    expect(storiesOf(items)).toEqual(expected);
  });

  it("measures a join by names from the story's first item, so a name in the news every two days does not chain a month", () => {
    const items = [1, 3, 5, 7, 9].map((day) => item(`d${day}`, String(day), [], ["gpt-5"]));
    expect(storiesOf(items)).toEqual([["d1", "d3"], ["d5", "d7"], ["d9"]]);
  });

  it("says by which signal each item joined", () => {
    const items = [item("a", "1", ["x.com/1"], ["gpt-5"]), item("b", "2", ["x.com/1"]), item("c", "2", [], ["gpt-5"])];
    const { joinedBy } = groupStories(items);
    expect(joinedBy.get(items[0]!)).toBeUndefined();
    expect(joinedBy.get(items[1]!)).toBe("source");
    expect(joinedBy.get(items[2]!)).toBe("entities");
  });
});
