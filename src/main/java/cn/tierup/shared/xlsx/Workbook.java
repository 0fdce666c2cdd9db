package cn.tierup.shared.xlsx;

/** A finished .xlsx file and the name it is downloaded under. */
public record Workbook(String fileName, byte[] bytes) {
}
