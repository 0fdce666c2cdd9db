package cn.tierup.survey;

import jakarta.persistence.Embeddable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One station's entry as kept with a report: in the working copy and, copied at each hand-in, in the version. The
 * station's name is kept as it was written about, so a version reads the same after the registry renames it.
 */
@Embeddable
public class StationAccount {

    private Long stationId;
    private String stationName;
    private String operation;
    private String staffing;
    private String resources;
    private String funding;
    private String assessment;
    private String effect;
    private String extension;

    protected StationAccount() {
    }

    StationAccount(long stationId, String stationName, String operation, String staffing, String resources,
                   String funding, String assessment, String effect, String extension) {
        this.stationId = stationId;
        this.stationName = stationName;
        this.operation = operation;
        this.staffing = staffing;
        this.resources = resources;
        this.funding = funding;
        this.assessment = assessment;
        this.effect = effect;
        this.extension = extension;
    }

    StationAccount copy() {
        return new StationAccount(stationId, stationName, operation, staffing, resources, funding, assessment, effect,
                extension);
    }

    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("station", stationName);
        m.put("operation", operation);
        m.put("staffing", staffing);
        m.put("resources", resources);
        m.put("funding", funding);
        m.put("assessment", assessment);
        m.put("effect", effect);
        m.put("extension", extension);
        return m;
    }

    public long getStationId() { return stationId; }
    public String getStationName() { return stationName; }
    public String getOperation() { return operation; }
    public String getStaffing() { return staffing; }
    public String getResources() { return resources; }
    public String getFunding() { return funding; }
    public String getAssessment() { return assessment; }
    public String getEffect() { return effect; }
    public String getExtension() { return extension; }
}
