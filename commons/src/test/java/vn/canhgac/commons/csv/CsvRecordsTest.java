package vn.canhgac.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<CsvRecords.Record> read(String text) {
        CsvRecords records = new CsvRecords(new StringReader(text));
        List<CsvRecords.Record> all = new ArrayList<>();
        for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
            all.add(record);
        }
        return all;
    }

    /** What each record says: its line and fields, or its line, fault, field and the line of the fault. */
    private static List<String> describe(String text) {
        return read(text).stream()
                .map(r -> r.readable()
                        ? r.line() + ":" + r.fields()
                        : r.line() + ":" + r.fault() + "@" + r.faultField() + "/" + r.faultLine())
                .toList();
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndRecordsKnowTheirLine() {
        assertEquals(
                List.of(
                        "1:[a, b]",
                        "2:[1, x,y]",
                        "3:[2, say \"hi\"]",
                        "4:[3, two\r\nlines]",
                        "7:[4, ]",
                        "8:[5, three\nli\rnes]",
                        "11:[6]"),
                describe("a,b\r\n1,\"x,y\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\"\r\n\r\n4,\n"
                        + "5,\"three\nli\rnes\"\r6"));
    }

    @Test
    void anUnterminatedQuoteSpoilsItsRecordOnlyAndReadingResumesAfterItsLine() {
        assertEquals(
                List.of("1:[ip, label]", "2:UNTERMINATED_QUOTE@1/2", "3:[203.162.10.26, Mozi]", "4:[203.162.10.27, ]"),
                describe("ip,label\n203.162.10.25,\"Mirai\n203.162.10.26,Mozi\r\n203.162.10.27,\n"));
    }

    @Test
    void theFaultIsTheQuoteThatNeverClosesEvenOnALaterLineOfTheRecord() {
        assertEquals(
                List.of("1:UNTERMINATED_QUOTE@3/2", "3:[b, c]", "4:[d]"),
                describe("a,\"two\nlines\",x,\"oops\r\nb,c\nd"));
    }

    @Test
    void anUnterminatedQuoteOnTheLastLineEndsTheStream() {
        assertEquals(List.of("1:[a]", "2:UNTERMINATED_QUOTE@0/2"), describe("a\n\"b"));
        assertEquals(List.of("1:UNTERMINATED_QUOTE@0/1"), describe("\""));
        CsvRecords records = new CsvRecords(new StringReader("x,\"y\n"));
        CsvRecords.Record bad = records.next();
        assertFalse(bad.readable());
        assertEquals(List.of(), bad.fields());
        assertEquals("csv-unterminated-quote", bad.fault().messageKey());
        assertEquals("1", bad.faultArguments()[0]);
        assertNull(records.next());
    }

    @Test
    void aRecordTooLongIsBadAndReadingResumesAfterTheLineOfItsOpenQuote() {
        String filler = ("x".repeat(99) + "\n").repeat(CsvRecords.MAX_RECORD_CHARS / 100 + 10);
        List<CsvRecords.Record> records = read("h\n1,\"start\n" + filler + "end\"\n2,ok\n");
        assertEquals("h", records.getFirst().fields().getFirst());
        CsvRecords.Record tooLong = records.get(1);
        assertEquals(CsvRecords.Fault.RECORD_TOO_LONG, tooLong.fault());
        assertEquals(2, tooLong.line());
        assertEquals(1, tooLong.faultField());
        assertEquals(3, records.get(2).line());
        assertEquals(List.of("x".repeat(99)), records.get(2).fields());
        CsvRecords.Record last = records.getLast();
        assertEquals(List.of("2", "ok"), last.fields());
        assertEquals(CsvRecords.MAX_RECORD_CHARS / 100 + 10 + 4, last.line());
        // read again from line 3, the late closing quote is no longer a quote at the start of a field
        assertEquals(List.of("end\""), records.get(records.size() - 2).fields());
    }

    @Test
    void aLineTooLongWithoutQuotesIsSkippedToItsEnd() {
        assertEquals(
                List.of("1:RECORD_TOO_LONG@0/1", "2:[next]", "3:[a, b]"),
                describe("y".repeat(CsvRecords.MAX_RECORD_CHARS + 5) + "\r\nnext\na,b"));
        assertEquals(List.of("1:RECORD_TOO_LONG@0/1"), describe("y".repeat(CsvRecords.MAX_RECORD_CHARS + 5)));
    }

    @Test
    void blankLinesAreSkippedAndAnEmptyStreamHasNoRecord() {
        assertNull(new CsvRecords(new StringReader("")).next());
        assertEquals(List.of("3:[a]"), describe("\n\r\na\n\n"));
        assertTrue(read("a").getFirst().readable());
    }
}
