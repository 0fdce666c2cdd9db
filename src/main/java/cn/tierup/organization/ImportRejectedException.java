package cn.tierup.organization;

import cn.tierup.shared.DomainException;

/** The file has wrong rows; nothing was written. Carries the rows and reasons for the user. */
public class ImportRejectedException extends DomainException {

    private final transient ImportPreview preview;

    public ImportRejectedException(ImportPreview preview) {
        super("import.hasErrors", preview.errorCount());
        this.preview = preview;
    }

    public ImportPreview preview() {
        return preview;
    }
}
