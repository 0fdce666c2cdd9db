/**
 * 现状大调查: the 自查报告 and 专题调研报告 with their review loop and versions, attachments, and the
 * survey records (座谈会, 入户走访, 个别访谈, 问卷, 案例剖析, 民主测评) as dated entries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Survey")
package cn.tierup.survey;
