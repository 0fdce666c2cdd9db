package cn.tierup.questionnaire;

/**
 * How the answers of a questionnaire spread over the network addresses they came from, for the organiser to see
 * stuffing: answers counted, distinct addresses, and the most answers from any one address. Counted as answers
 * arrive (answers stored before the count began are not in it); an address is the one the server saw, so phones
 * behind one Wi-Fi or one carrier's gateway share it.
 */
public record AddressSpread(long answers, long addresses, long mostFromOne) {

    /** The share of the counted answers that came from the busiest address, in whole per cent. */
    public long largestSharePercent() {
        return answers == 0 ? 0 : Math.round(mostFromOne * 100.0 / answers);
    }
}
