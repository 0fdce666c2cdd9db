/**
 * 总结验收: the year-end review of every organisation graded this year — its 自查初评 (report against its goal,
 * member meeting, proposed grade), the 党员群众民主测评, the authority's 上级审评 (the 年末审定 grade) — the 示范
 * recognitions and 表彰, and each grading authority's 工作总结 with the year's rates against the targets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Acceptance")
package cn.tierup.acceptance;
