package cn.tierup.pledge;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of pledges and suggestions, on the aggregates alone. */
class PledgeTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 5, 10, 9, 0);

    @Test
    void anOrganisationsPledgeNeedsAGoalAndItemsAndItsItemsAreFixedOnceHandedIn() {
        Pledge p = new Pledge(1, null, null, NOW);
        p.write(null, List.of("修好村口路灯", " ", "发展集体经济"), false, NOW);
        assertThat(p.getItems()).extracting(PledgeItem::getNumber).containsExactly(1, 2);
        assertThatThrownBy(() -> p.submit("cun", NOW)).hasMessage("pledge.goal");
        p.write("年内进入先进行列", List.of(), false, NOW);
        assertThatThrownBy(() -> p.submit("cun", NOW)).hasMessage("pledge.items");
        p.write("年内进入先进行列", List.of("修好村口路灯"), false, NOW);
        p.submit("cun", NOW);
        assertThatThrownBy(() -> p.write("改", List.of("别的"), false, NOW)).hasMessage("pledge.notEditable");
        assertThatThrownBy(() -> p.take("新建议", NOW)).hasMessage("pledge.notEditable");
    }

    @Test
    void aMembersPledgeNeedsNoGoal() {
        Pledge p = new Pledge(1, 7L, "冯敏梅", NOW);
        p.write(null, List.of("带头服务群众"), true, NOW);
        p.submit("cun", NOW);
        p.sign("cun", NOW);
        assertThat(p.getStatus()).as("the branch signs its member's pledge").isEqualTo(PledgeStatus.SIGNED);
    }

    @Test
    void theOrganisationsPledgeIsNotSignedByWhoeverHandedItIn() {
        Pledge p = new Pledge(1, null, null, NOW);
        p.write("目标", List.of("事项"), false, NOW);
        p.submit("zhen", NOW);
        assertThatThrownBy(() -> p.sign("zhen", NOW)).hasMessage("pledge.ownSign");
        assertThatThrownBy(() -> p.returnForRevision(" ", "town2", NOW)).hasMessage("pledge.returnReason");
        p.sign("town2", NOW);
        assertThat(p.getSignedBy()).isEqualTo("town2");
    }

    @Test
    void aTakenSuggestionBecomesTheLastItemAndKeepsItsOriginWhenRewritten() {
        Pledge p = new Pledge(1, null, null, NOW);
        p.write("目标", List.of("发展集体经济"), false, NOW);
        p.take("修好村口路灯", NOW);
        assertThat(p.getItems()).extracting(PledgeItem::getSource).containsExactly(ItemSource.OWN, ItemSource.SUGGESTED);
        p.write("目标", List.of("修好村口路灯", "发展集体经济", "办好农民夜校"), false, NOW);
        assertThat(p.getItems()).extracting(PledgeItem::getSource)
                .containsExactly(ItemSource.SUGGESTED, ItemSource.OWN, ItemSource.OWN);
    }

    @Test
    void thirtyItemsAtMost() {
        Pledge p = new Pledge(1, null, null, NOW);
        List<String> many = new ArrayList<>(Collections.nCopies(31, "事项"));
        assertThatThrownBy(() -> p.write("目标", many, false, NOW)).hasMessage("pledge.tooMany");
    }

    @Test
    void fulfilmentComesAfterSigningAndASettledItemSaysHowAndWhen() {
        Pledge p = new Pledge(1, null, null, NOW);
        p.write("目标", List.of("修好村口路灯"), false, NOW);
        assertThatThrownBy(() -> p.fulfil(1, Fulfilment.IN_PROGRESS, null, null, "cun", NOW)).hasMessage("pledge.notSigned");
        p.submit("cun", NOW);
        p.sign("zhen", NOW);
        p.fulfil(1, Fulfilment.IN_PROGRESS, null, null, "cun", NOW);
        assertThatThrownBy(() -> p.fulfil(1, Fulfilment.FULFILLED, " ", LocalDate.of(2026, 5, 1), "cun", NOW))
                .hasMessage("pledge.fulfil.evidence");
        assertThatThrownBy(() -> p.fulfil(1, Fulfilment.FULFILLED, "已安装 12 盏", LocalDate.of(2026, 5, 11), "cun", NOW))
                .hasMessage("pledge.fulfil.date");
        assertThatThrownBy(() -> p.fulfil(2, Fulfilment.FULFILLED, "x", LocalDate.of(2026, 5, 1), "cun", NOW)).hasMessage("pledge.noItem");
        p.fulfil(1, Fulfilment.FULFILLED, "已安装 12 盏", LocalDate.of(2026, 5, 1), "cun", NOW);
        assertThat(p.getItems().get(0).getStatus()).isEqualTo(Fulfilment.FULFILLED);
    }

    @Test
    void aSuggestionIsPlainTextOfLimitedLengthModeratedOnce() {
        assertThatThrownBy(() -> new Suggestion(1, " \n ", LocalDate.of(2026, 5, 1))).hasMessage("suggestion.empty");
        assertThatThrownBy(() -> new Suggestion(1, "路".repeat(501), LocalDate.of(2026, 5, 1))).hasMessage("suggestion.tooLong");
        Suggestion s = new Suggestion(1, "修路\u0007灯", LocalDate.of(2026, 5, 1));
        assertThat(s.getText()).isEqualTo("修路 灯");
        s.moderate(SuggestionStatus.TAKEN, "cun", NOW);
        assertThatThrownBy(() -> s.moderate(SuggestionStatus.REJECTED, "cun", NOW)).hasMessage("suggestion.done");
    }

    @Test
    void ratesPrintWithTwoDecimalsAndNothingOverNothingIsNought() {
        // the town summary's 3,168 of 3,250 items fulfilled
        assertThat(PledgeFigures.rate(3168, 3250)).isEqualByComparingTo("97.48");
        assertThat(PledgeFigures.rate(3168, 3250).toPlainString()).isEqualTo("97.48");
        assertThat(PledgeFigures.rate(0, 0)).isZero();
    }
}
