package cn.tierup.campaign;

import cn.tierup.shared.DomainException;
import jakarta.persistence.Embeddable;

/**
 * The year's targets in percent (the notice's numbers by default): villages and communities 先进 share
 * by year end, 先进 → model, 一般 upgraded, 后进 converted; and the same three for remote-education stations.
 */
@Embeddable
public record Targets(int villageAdvancedShare, int modelRate, int averageUpgradeRate, int laggingConversionRate,
                      int stationModelRate, int stationUpgradeRate, int stationConversionRate) {

    public static Targets notice() {
        return new Targets(40, 10, 25, 100, 10, 20, 100);
    }

    public Targets {
        for (int v : new int[] {villageAdvancedShare, modelRate, averageUpgradeRate, laggingConversionRate,
                stationModelRate, stationUpgradeRate, stationConversionRate}) {
            if (v < 0 || v > 100) {
                throw new DomainException("campaign.target.range");
            }
        }
    }
}
