package cn.tierup.acceptance.web;

import cn.tierup.acceptance.AppraisalMode;
import cn.tierup.acceptance.AppraisalStatus;
import cn.tierup.acceptance.AppraisalTally;
import cn.tierup.acceptance.AppraisalView;
import cn.tierup.acceptance.Appraisals;
import cn.tierup.shared.Messages;
import cn.tierup.shared.SatisfactionRate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

/**
 * 党员群众民主测评 over JSON: a holder's sittings with the organisations it may rate and their results, holding a
 * sitting (a phone sitting answers its printed codes and closing key this once), entering, correcting and confirming a
 * paper count, counting a phone ballot with its key, and voiding an uncounted sitting. Every rule is
 * {@link Appraisals}'; each rate is (满意 + 基本满意) ÷ ratings and comes with the number of ratings.
 */
@RestController
@RequestMapping("/api/acceptance/appraisals")
@Tag(name = "党员群众民主测评", description = "测评会（纸质票计票录入或手机测评码）、各党组织的满意、基本满意、不满意票数和满意率")
class AppraisalApi {

    private final Appraisals appraisals;
    private final Messages messages;

    AppraisalApi(Appraisals appraisals, Messages messages) {
        this.appraisals = appraisals;
        this.messages = messages;
    }

    /** The ratings of one organisation under the one satisfaction rule. */
    record Rating(long satisfied, long fairlySatisfied, long dissatisfied, long ratings, BigDecimal satisfactionRate) {
        static Rating of(SatisfactionRate r) {
            return new Rating(r.satisfied(), r.fairlySatisfied(), r.dissatisfied(), r.ratings(), r.percent());
        }
    }

    record Line(long organizationId, String organizationName, boolean entered, Integer invalid, Rating rating) {
    }

    record Sitting(long id, long campaignId, long holderId, String holderName, LocalDate heldOn, String place,
                   int membersExpected, int membersPresent, int publicExpected, int publicPresent, AppraisalMode mode,
                   AppraisalStatus status, Integer ballotsIssued, Integer ballotsReturned, String link, int turnout,
                   LocalDateTime countedAt, String countedBy, String voidReason, boolean late, long version, List<Line> lines) {
        static Sitting of(AppraisalView v) {
            return new Sitting(v.id(), v.campaignId(), v.holderId(), v.holderName(), v.heldOn(), v.place(),
                    v.membersExpected(), v.membersPresent(), v.publicExpected(), v.publicPresent(), v.mode(), v.status(),
                    v.ballotsIssued(), v.ballotsReturned(), v.slug() == null ? null : "/q/a/" + v.slug(), v.turnout(),
                    v.countedAt(), v.countedBy(), v.voidReason(), v.late(), v.version(),
                    v.lines().stream().map(l -> new Line(l.organizationId(), l.organizationName(), l.satisfied() != null,
                            l.invalid(), Rating.of(l.rate()))).toList());
        }
    }

    record Result(long organizationId, String organizationName, int sittings, long invalid, Rating rating) {
    }

    record Desk(long campaignId, int year, long holderId, String holderName, boolean canWrite, String phaseNotice,
                String rule, List<AppraisalView.Candidate> candidates, List<Sitting> sittings, List<Result> results) {
    }

    record HeldSitting(Sitting sitting, List<String> codes, String closingKey) {
        @Override
        public String toString() {
            return "HeldSitting[" + sitting.id() + "]";
        }
    }

    record TallyBody(Integer issued, Integer returned, List<AppraisalTally.Line> lines, Long version) {
    }

    record VersionBody(Long version) {
    }

    record KeyBody(String closingKey) {
    }

    record ReasonBody(String reason) {
    }

    @GetMapping("/{campaign}/{holder}")
    @Operation(summary = "测评组织在本年度的民主测评：可测评的党组织（本年度已定级、由其评定或在其下级）、各次测评会和各党组织的测评结果")
    Desk desk(@PathVariable long campaign, @PathVariable long holder) {
        Appraisals.Desk d = appraisals.desk(campaign, holder);
        return new Desk(d.campaign().id(), d.campaign().year(), d.holderId(), d.holderName(), d.canWrite(),
                d.gate().notice(), messages.get(SatisfactionRate.RULE), d.candidates(),
                d.sittings().stream().map(Sitting::of).toList(),
                d.results().stream().map(r -> new Result(r.organizationId(), r.organizationName(), r.sittings(), r.invalid(),
                        Rating.of(r.rate()))).toList());
    }

    @PostMapping("/{campaign}/{holder}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "召开测评会：日期、地点、党员和群众代表应到实到、方式（PAPER 纸质 / PHONE 手机）、测评的党组织 organizations（不传则为全部可测评的）；"
            + "手机测评每名实到人员一个测评码，测评码和计票密钥只在此返回一次")
    HeldSitting hold(@PathVariable long campaign, @PathVariable long holder, @RequestBody Appraisals.SittingForm body) {
        Appraisals.Held h = appraisals.hold(campaign, holder, body);
        return new HeldSitting(Sitting.of(h.sitting()), h.codes(), h.closingKey());
    }

    @GetMapping("/sittings/{id}")
    @Operation(summary = "一次测评会及各党组织的票数和满意率")
    Sitting sitting(@PathVariable long id) {
        return Sitting.of(appraisals.get(id));
    }

    @PutMapping("/sittings/{id}/tally")
    @Operation(summary = "录入或更正纸质票计票结果：发出、收回张数，每个党组织的满意、基本满意、不满意、无效票数（之和须等于收回张数）")
    Sitting tally(@PathVariable long id, @RequestBody TallyBody body) {
        return Sitting.of(appraisals.enterTally(id, new AppraisalTally(body.issued(), body.returned(), body.lines()),
                body.version() == null ? -1 : body.version()));
    }

    @PostMapping("/sittings/{id}/confirm")
    @Operation(summary = "确认纸质票计票结果，此后计入测评结果，不能再更正")
    Sitting confirm(@PathVariable long id, @RequestBody VersionBody body) {
        return Sitting.of(appraisals.confirm(id, body.version() == null ? -1 : body.version()));
    }

    @PostMapping("/sittings/{id}/count")
    @Operation(summary = "手机测评计票：输入开启测评时打印的计票密钥；密钥不对则不计票，测评继续")
    Sitting count(@PathVariable long id, @RequestBody KeyBody body) {
        return Sitting.of(appraisals.count(id, body.closingKey()));
    }

    @PostMapping("/sittings/{id}/void")
    @Operation(summary = "作废尚未计入的测评会（须说明理由）；进行中的手机测评随之关闭，不计票")
    Sitting voidSitting(@PathVariable long id, @RequestBody ReasonBody body) {
        return Sitting.of(appraisals.voidSitting(id, body.reason()));
    }
}
