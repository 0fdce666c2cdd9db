package cn.tierup.reporting;

import cn.tierup.questionnaire.QuestionnaireService;
import cn.tierup.questionnaire.QuestionnaireView;
import cn.tierup.questionnaire.Statistics;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 问卷调查统计表: every question, each option counted for 党员 and 群众 with its share; text answers listed. */
@Service
public class QuestionnaireStatisticsTable {

    private final QuestionnaireService questionnaires;
    private final Messages messages;

    QuestionnaireStatisticsTable(QuestionnaireService questionnaires, Messages messages) {
        this.questionnaires = questionnaires;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public void write(long questionnaireId, OutputStream out) {
        QuestionnaireView q = questionnaires.get(questionnaireId);
        Statistics s = questionnaires.statistics(questionnaireId);
        String subtitle = "单位：" + q.organizationName() + "　答卷：" + s.respondents() + " 份（党员 " + s.members() + "，群众 "
                + s.publics() + "）　生成时间：" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        try (XlsxSheetWriter w = new XlsxSheetWriter("统计", q.title() + "统计表", subtitle,
                List.of("题目 / 选项", "党员（人）", "群众（人）", "合计（人）", "占答卷比例"), new int[] {60, 12, 12, 12, 14})) {
            for (Statistics.QuestionStats qs : s.questions()) {
                w.row(qs.number() + ". " + qs.question().text() + "（" + messages.label(qs.question().kind()) + "）");
                for (Statistics.OptionStats o : qs.options()) {
                    w.row("　　" + o.label(), o.members(), o.publics(), o.total(), o.percent() + "%");
                }
                for (String t : qs.texts()) {
                    w.row("　　" + t);
                }
            }
            w.footer("答卷合计", s.members(), s.publics(), s.respondents(), "100%");
            w.finish(out);
        }
    }
}
