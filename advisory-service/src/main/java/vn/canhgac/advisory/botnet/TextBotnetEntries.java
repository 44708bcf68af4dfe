package vn.canhgac.advisory.botnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Plain text: one address or CIDR per line, then a label; comments after {@code #} or {@code ;}, blank lines
 * ignored (FireHOL netsets, plain lists). A trailing comment of one token is the entry's reference when there is no
 * label, as Spamhaus DROP/EDROP write it: {@code 1.10.16.0/20 ; SBL256894}.
 */
final class TextBotnetEntries implements Iterator<BotnetEntry> {

    private final BufferedReader reader;
    private long line;
    private BotnetEntry next;

    TextBotnetEntries(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024);
        advance();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public BotnetEntry next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        BotnetEntry current = next;
        advance();
        return current;
    }

    private void advance() {
        next = null;
        try {
            String text;
            while (next == null && (text = reader.readLine()) != null) {
                line++;
                int comment = indexOfComment(text);
                String content = (comment >= 0 ? text.substring(0, comment) : text).strip();
                if (line == 1 && content.startsWith("\uFEFF")) {
                    content = content.substring(1).strip();
                }
                if (content.isEmpty()) {
                    continue;
                }
                String[] words = content.split("[\\s,]+", 2);
                String label = words.length > 1 ? words[1].strip() : reference(text, comment);
                next = BotnetEntry.read(line, "ip", words[0], "label", label);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A comment that is one token, such as Spamhaus DROP's {@code ; SBL256894}, is the entry's reference. */
    private static String reference(String text, int comment) {
        if (comment < 0) {
            return null;
        }
        String rest = text.substring(comment + 1).strip();
        return rest.matches("[A-Za-z][\\w.:-]{0,63}") ? rest : null;
    }

    private static int indexOfComment(String text) {
        int hash = text.indexOf('#');
        int semicolon = text.indexOf(';');
        if (hash < 0) {
            return semicolon;
        }
        return semicolon < 0 ? hash : Math.min(hash, semicolon);
    }
}
