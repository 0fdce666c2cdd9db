package cn.tierup.grading;

import cn.tierup.shared.BoundedText;
import cn.tierup.grading.internal.StandardConverter;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDateTime;

/**
 * A 分类定级指导标准 for a field. The shipped ones follow the notice's "五个好"; "五好四强" with 一类/二类/三类
 * and 县先进 is another scheme of the same shape — schemes are data, not code. Copies can be adapted.
 */
@Entity
@Table(name = "grading_scheme")
public class GradingScheme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String field;
    private String description;
    @Convert(converter = StandardConverter.class)
    private Standard standard;
    private Long ownerOrganizationId;
    private Long copiedFromId;
    @Version
    private long version;
    private LocalDateTime updatedAt = LocalDateTime.now();

    protected GradingScheme() {
    }

    public GradingScheme(String code, String name, String field, String description, Standard standard, Long owner) {
        this.code = code;
        this.field = field;
        this.ownerOrganizationId = owner;
        revise(name, description, standard);
    }

    public GradingScheme copyFor(long organizationId, String newCode) {
        GradingScheme s = new GradingScheme(newCode, name + "（副本）", field, description, standard, organizationId);
        s.copiedFromId = id;
        return s;
    }

    public void revise(String newName, String newDescription, Standard newStandard) {
        BoundedText.TITLE.required(newName, "scheme.name");
        if (newStandard == null) {
            throw new DomainException("scheme.dimensions");
        }
        this.name = newName.strip();
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        this.standard = newStandard;
        this.updatedAt = LocalDateTime.now();
    }

    public boolean shipped() {
        return ownerOrganizationId == null;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getField() { return field; }
    public String getDescription() { return description; }
    public Standard getStandard() { return standard; }
    public Long getOwnerOrganizationId() { return ownerOrganizationId; }
    public Long getCopiedFromId() { return copiedFromId; }
    public long getVersion() { return version; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
}
