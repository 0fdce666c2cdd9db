package cn.tierup.campaign;

import java.util.List;

/**
 * Implemented by each module that owns a phase's work (the survey module for 现状大调查, grading for
 * 对标定级, ...): says what the given organisations owe in that phase and where each stands.
 */
public interface ObligationSource {

    Phase phase();

    List<Obligation> obligations(CampaignView campaign, List<Long> organizationIds);
}
