package org.sansdk.cluster.design;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Secret;

/**
 * Where {@link SecretRef}s get their values: a map, the environment, or one file per secret. A name it does not
 * know is absent (never a default); {@link SanDesign#withSecrets(SecretSource)} then lists every missing name.
 *
 * <pre>{@code SanDesign ready = design.withSecrets(SecretSource.files(Path.of("/run/secrets/san")));}</pre>
 */
@FunctionalInterface
public interface SecretSource {

    /**
     * The value of a secret, or empty when this source does not have it.
     * Usage: {@code source.lookup("backend-chap")}.
     */
    Optional<Secret> lookup(String name);

    /** A fixed map of name to value (copied). Usage: {@code SecretSource.of(Map.of("backend-chap", Secret.of(pw)))}. */
    static SecretSource of(Map<String, Secret> values) {
        Map<String, Secret> copy = new LinkedHashMap<>(values);
        return name -> Optional.ofNullable(copy.get(name));
    }

    /**
     * The process environment: {@code SAN_SECRET_} + the name upper-cased with every other character than a
     * letter or digit turned into {@code _} ({@code fence-storage-a.password} → {@code SAN_SECRET_FENCE_STORAGE_A_PASSWORD}).
     * Usage: {@code SecretSource.environment()}.
     */
    static SecretSource environment() {
        return environment(System.getenv());
    }

    /** Like {@link #environment()} over a given environment map. Usage: {@code SecretSource.environment(Map.of("SAN_SECRET_X", "v"))}. */
    static SecretSource environment(Map<String, String> env) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        return name -> Optional.ofNullable(copy.get(environmentName(name))).map(Secret::of);
    }

    /** The environment variable {@link #environment()} reads for a name. Usage: {@code SecretSource.environmentName("a-b")}. */
    static String environmentName(String name) {
        return "SAN_SECRET_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * One file per secret in a directory, named like the secret; its content is the value with one trailing newline
     * removed. Usage: {@code SecretSource.files(Path.of("/run/secrets/san"))}.
     */
    static SecretSource files(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return name -> {
            Path p = directory.resolve(name);
            try {
                String v = Files.readString(p, StandardCharsets.UTF_8);
                if (v.endsWith("\n")) {
                    v = v.substring(0, v.length() - 1);
                    if (v.endsWith("\r")) {
                        v = v.substring(0, v.length() - 1);
                    }
                }
                return Optional.of(Secret.of(v));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read secret file " + p, e);
            }
        };
    }

    /** This source, then {@code other} for names this one lacks. Usage: {@code SecretSource.environment().orElse(SecretSource.files(dir))}. */
    default SecretSource orElse(SecretSource other) {
        return name -> {
            Optional<Secret> v = lookup(name);
            return v.isPresent() ? v : other.lookup(name);
        };
    }
}
