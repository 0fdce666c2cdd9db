package cn.tierup.organization;

/**
 * How far an import has got, for the page that polls it: rows read from the sheet, rows checked (every rule and the
 * look-ups), rows written. Written by the one thread running the import, read by any.
 */
public final class ImportProgress {

    /** What the import is doing now. */
    public enum Phase {
        QUEUED, CHECKING, WRITING, FINISHED
    }

    private volatile Phase phase = Phase.QUEUED;
    private volatile int expected;
    private volatile int read;
    private volatile int checked;
    private volatile int written;

    /** Nobody watches: for a call that answers only when done. */
    public static ImportProgress unwatched() {
        return new ImportProgress();
    }

    void phase(Phase p) {
        this.phase = p;
    }

    void expected(int rows) {
        this.expected = Math.max(0, rows);
    }

    void read(int rows) {
        this.read = rows;
    }

    void checked(int rows) {
        this.checked = rows;
    }

    void written(int rows) {
        this.written = rows;
    }

    public Phase phase() {
        return phase;
    }

    /** The data rows the sheet says it holds (its dimension, less the header), 0 when it does not say. */
    public int expected() {
        return Math.max(expected, read);
    }

    public int read() {
        return read;
    }

    public int checked() {
        return checked;
    }

    public int written() {
        return written;
    }

    /** Per cent done (checking is the first half of an import that writes, writing the second), 0–100. */
    public int percent(boolean writes) {
        int of = expected();
        if (of == 0) {
            return phase == Phase.FINISHED ? 100 : 0;
        }
        int check = (int) (100L * checked / of);
        if (!writes) {
            return Math.min(100, check);
        }
        return Math.min(100, check / 2 + (int) (50L * written / of));
    }
}
