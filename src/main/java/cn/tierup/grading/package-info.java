/**
 * 对标定级: the standards (分类定级指导标准) as data — dimensions, criteria with points, grades with their
 * thresholds and the veto items that force the lowest grade — and the score sheet computed from them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grading")
package cn.tierup.grading;
