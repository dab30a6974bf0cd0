import type { Kind, Lang } from "../config.ts";

/** The body a new post starts from: the shape each kind of post has. */
export function skeleton(kind: Kind, lang: Lang): string {
  const zh = lang === "zh";
  if (kind === "weekly") {
    return zh
      ? `本周要点一句话概括。

## 本周要点

- **要点一**：一句话说明。
- **要点二**：一句话说明。
- **要点三**：一句话说明。

## 详细报道

### 模型与技术

- **新闻标题**
  内容摘要。
  详情：[来源名称](https://example.com/)

### 产业与生态

- **新闻标题**
  内容摘要。
  详情：[来源名称](https://example.com/)

## 总结

本周总结。
`
      : `One sentence on the week.

## Highlights

- **First highlight**: one sentence.
- **Second highlight**: one sentence.
- **Third highlight**: one sentence.

## Detailed coverage

### Models and research

- **Headline**
  What happened.
  Details: [Source name](https://example.com/)

### Industry

- **Headline**
  What happened.
  Details: [Source name](https://example.com/)

## Summary

The week in a paragraph.
`;
  }
  if (kind === "daily") {
    return zh
      ? `今日导读一句话。

### 新闻标题一

内容摘要。

来源：[来源名称](https://example.com/)

### 新闻标题二

内容摘要。

来源：[来源名称](https://example.com/)
`
      : `Today in one sentence.

### First headline

What happened.

Source: [Source name](https://example.com/)

### Second headline

What happened.

Source: [Source name](https://example.com/)
`;
  }
  return zh
    ? `导语：这份报告讨论什么，为什么重要。

## 1) 第一部分

来源：[来源名称](https://example.com/)

- **是什么**：
- **为什么重要**：
- **落地建议**：

## 2) 第二部分

来源：[来源名称](https://example.com/)

- **是什么**：
- **为什么重要**：
- **落地建议**：

## 总结

1. 结论一。
2. 结论二。
`
    : `Lead: what this report covers and why it matters.

## 1) First section

Source: [Source name](https://example.com/)

- **What**:
- **Why it matters**:
- **What to do**:

## 2) Second section

Source: [Source name](https://example.com/)

- **What**:
- **Why it matters**:
- **What to do**:

## Summary

1. First conclusion.
2. Second conclusion.
`;
}
