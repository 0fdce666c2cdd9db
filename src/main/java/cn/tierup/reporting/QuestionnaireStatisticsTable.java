package cn.tierup.reporting;

import cn.tierup.questionnaire.QuestionnaireService;
import cn.tierup.questionnaire.QuestionnaireView;
import cn.tierup.questionnaire.Statistics;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 问卷调查统计表: every question, each option counted for 党员 and 群众 with its share; text answers listed. */
@Service
public class QuestionnaireStatisticsTable {

    /** How the share of an option is computed, under the table on screen and in the .xlsx. */
    public static final String SHARE_NOTE = "占比 = 选该项人数 ÷ 答卷人数，保留两位小数；每人只选一项的题目各项占比之和为 100.00%"
            + "（最大余数法），多选题和有人未答的题目各项分别计算。";

    private final QuestionnaireService questionnaires;
    private final Messages messages;

    QuestionnaireStatisticsTable(QuestionnaireService questionnaires, Messages messages) {
        this.questionnaires = questionnaires;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public void write(long questionnaireId, OutputStream out) {
        QuestionnaireView q = questionnaires.get(questionnaireId);
        write(q.title() + "统计表", q.organizationName(), questionnaires.statistics(questionnaireId), out);
    }

    /** The same table for the questionnaires of one template added up over a subtree. */
    @Transactional(readOnly = true)
    public void writeRollup(long campaignId, long organizationId, long templateId, OutputStream out) {
        QuestionnaireService.Rollup r = questionnaires.rollup(campaignId, organizationId, templateId);
        write(r.title() + "汇总统计表", r.organizationName() + " 及下级（" + r.questionnaires().size() + " 份问卷合计）",
                r.statistics(), out);
    }

    private void write(String title, String unit, Statistics s, OutputStream out) {
        List<String> names = s.categories().stream().map(c -> messages.get(s.audience().labelKey(c))).toList();
        String subtitle = "单位：" + unit + "　答卷：" + s.respondents() + " 份　生成时间："
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        List<String> headers = new ArrayList<>();
        headers.add("题目 / 选项");
        names.forEach(n -> headers.add(n + "（人）"));
        headers.add("合计（人）");
        headers.add("占答卷比例");
        int[] widths = new int[headers.size()];
        java.util.Arrays.fill(widths, 14);
        widths[0] = 60;
        try (XlsxSheetWriter w = new XlsxSheetWriter("统计", title, subtitle, headers, widths)) {
            for (Statistics.QuestionStats qs : s.questions()) {
                w.row(qs.number() + ". " + qs.question().text() + "（" + messages.label(qs.question().kind()) + "）");
                for (Statistics.OptionStats o : qs.options()) {
                    List<Object> cells = new ArrayList<>();
                    cells.add("　　" + o.label());
                    s.categories().forEach(c -> cells.add(o.count(c)));
                    cells.add(o.total());
                    cells.add(o.percent() + "%");
                    w.row(cells.toArray());
                }
                for (String t : qs.texts()) {
                    w.row("　　" + t);
                }
            }
            List<Object> totals = new ArrayList<>();
            s.categories().forEach(c -> totals.add(s.respondents(c)));
            totals.add(s.respondents());
            totals.add("100.00%");
            w.footer("答卷合计", totals.toArray());
            w.note(SHARE_NOTE);
            w.finish(out);
        }
    }
}
