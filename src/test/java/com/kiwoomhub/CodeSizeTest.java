package com.kiwoomhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Size limits on the main code: a class is something a person reads in one sitting, and a method
 * something they hold in their head at once. A file or method that grows past them is split along
 * its concerns (at most 400 lines a file and 60 a method).
 */
class CodeSizeTest {

    private static final int MAX_FILE_LINES = 400;
    private static final int MAX_METHOD_LINES = 60;

    @Test
    void noSourceFileIsLongerThanOneSittingOfReading() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> lines(f) > MAX_FILE_LINES ? f + " (" + lines(f) + " lines)" : null)
                    .filter(f -> f != null)
                    .sorted()
                    .toList();
        }
        assertThat(tooLong).as("files in src/main/java over %d lines; split them along their concerns", MAX_FILE_LINES)
                .isEmpty();
    }

    /**
     * Measured on the compiled code: the lines between a method's first and last access (call, field
     * use, constructor call) in the class file's line table. That span is never longer than the method's
     * source, so the check cannot flag a short method; it can miss a long method whose ends hold no access.
     */
    @Test
    void noMethodIsLongerThanCanBeHeldInMind() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.kiwoomhub");
        List<String> tooLong = main.stream()
                .flatMap(c -> c.getCodeUnits().stream())
                .filter(m -> span(m) > MAX_METHOD_LINES)
                .map(m -> m.getFullName() + " (at least " + span(m) + " lines)")
                .sorted()
                .toList();
        assertThat(tooLong).as("methods over %d lines; split them along their steps", MAX_METHOD_LINES).isEmpty();
    }

    private static int span(JavaCodeUnit method) {
        int first = method.getSourceCodeLocation().getLineNumber();
        int last = first;
        for (JavaAccess<?> access : method.getAccessesFromSelf()) {
            int line = access.getSourceCodeLocation().getLineNumber();
            if (line > 0) {
                first = Math.min(first, line);
                last = Math.max(last, line);
            }
        }
        return first > 0 ? last - first + 1 : 0;
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
