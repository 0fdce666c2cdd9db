package cn.tierup.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by each module that owns work which can stay open after its year (upgrade: overdue ledger lines;
 * pledge: pledges not yet fulfilled; grading: grades not decided): what is still open in a campaign for the
 * organisations on or below a path, for the home pages' list of earlier years.
 */
public interface OpenWorkSource {

    OpenWork.Kind kind();

    /** What is open in the campaign on or below the path (an organisation's stored path, e.g. {@code /1/7/}). */
    List<OpenWork> open(CampaignView campaign, String subtreePath, LocalDate today);

    /** The page listing all of this kind in the campaign's year, for "and N more". */
    String overview(CampaignView campaign);
}
