// Heading levels within a chapter, for every renderer alike. A heading block's level (2 =
// section, 3 = subsection, 4 = below) says how deep it is meant to be; the depth it is drawn
// at is one below the nearest open heading of a higher level, so the outline never skips a
// level: a level 3 with no level 2 before it is a section, and two such are siblings.

export class ChapterOutline {
  private readonly open: number[] = [];

  /** 1 for a section of the chapter, 2 for a subsection of it, and so on. */
  depth(level: number): number {
    while (this.open.length > 0 && this.open[this.open.length - 1]! >= level) this.open.pop();
    this.open.push(level);
    return this.open.length;
  }
}
