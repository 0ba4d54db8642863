package com.kiwoomhub.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Order numbers as Kiwoom gives them: per account and trading day, from 0000001, never twice on one day.
 * With a state file the last number of the day is written before it is handed out, so a sandbox restarted
 * on the same day goes on from there instead of starting again at 0000001; without one the numbers live
 * in memory only. One line per account: {@code <account number> <date> <last number>}.
 */
final class OrderNumbering {

    private record Last(LocalDate day, long number) {
    }

    private final Path file;
    private final Map<String, Last> last = new HashMap<>();

    /** @param file where the numbers outlive the process; null = memory only */
    OrderNumbering(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            read(file);
        }
    }

    /** The next number of the account on that trading day. */
    synchronized String next(String accountNumber, LocalDate day) {
        Last before = last.get(accountNumber);
        long number = before != null && before.day().equals(day) ? before.number() + 1 : 1;
        last.put(accountNumber, new Last(day, number));
        write();
        return KiwoomFormats.orderNumber(number);
    }

    private void read(Path from) {
        try {
            for (String line : Files.readAllLines(from, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 3) {
                    last.put(parts[0], new Last(LocalDate.parse(parts[1]), Long.parseLong(parts[2])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Sandbox order numbers not readable from " + from, e);
        }
    }

    private void write() {
        if (file == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        last.forEach((account, l) -> lines.add(account + " " + l.day() + " " + l.number()));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path written = Files.createTempFile(parent, "order-numbers", ".tmp");
            Files.write(written, lines, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Sandbox order numbers not writable to " + file, e);
        }
    }
}
