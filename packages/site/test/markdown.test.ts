import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../src/_markdown.ts";

describe("README and CHANGELOG markdown", () => {
  it("aligns table columns with classes, never inline styles the pages' policy refuses", () => {
    const html = String(renderMarkdown("| table | rows |\n|:--|--:|\n| meetings | 4 |\n"));
    expect(html).toContain('<td class="align-right">4</td>');
    expect(html).toContain('<th class="align-left">table</th>');
    expect(html).not.toContain("style=");
  });

  it("shows raw HTML as text", () => {
    const html = String(renderMarkdown('<b style="color:red" onmouseover="x()">bold</b>'));
    expect(html).toContain("&lt;b style=");
    expect(html).not.toContain("<b ");
  });
});
