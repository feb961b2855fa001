// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyResolverTest {

    /** A keychain kept in memory, standing in for the OS one. */
    private static final class MemoryKeychain implements SecretStore {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public Optional<String> read(String entry) {
            return Optional.ofNullable(entries.get(entry));
        }

        @Override
        public void write(String entry, String secret) {
            entries.put(entry, secret);
        }

        @Override
        public boolean writable() {
            return true;
        }
    }

    private final MemoryKeychain keychain = new MemoryKeychain();
    private final Map<String, String> env = new HashMap<>();
    private final KeyResolver resolver = new KeyResolver(keychain, env::get);

    @Test
    void theKeychainComesBeforeTheEnvironment() {
        keychain.write("openai", "from-keychain");
        env.put("OPENAI_API_KEY", "from-env");

        assertThat(resolver.find(new KeyReference("openai", "OPENAI_API_KEY"))).contains("from-keychain");
    }

    @Test
    void theEnvironmentServesWhenTheKeychainHasNothing() {
        env.put("OPENAI_API_KEY", "  from-env\n");

        assertThat(resolver.find(new KeyReference("openai", "OPENAI_API_KEY"))).contains("from-env");
    }

    @Test
    void blankOrMissingKeysAreNoKey() {
        env.put("EMPTY", "   ");

        assertThat(resolver.find(KeyReference.environment("EMPTY"))).isEmpty();
        assertThat(resolver.find(KeyReference.environment("UNSET"))).isEmpty();
        assertThat(resolver.find(KeyReference.NONE)).isEmpty();
    }

    @Test
    void aMachineWithoutAKeychainStillReadsTheEnvironment() {
        env.put("K", "v");
        KeychainSecrets real = KeychainSecrets.open();
        KeyResolver withReal = new KeyResolver(real, env::get);

        assertThat(withReal.find(new KeyReference("rationale-test-entry-that-does-not-exist", "K"))).contains("v");
    }

    @Test
    void referencesDescribeWhereTheKeyBelongs() {
        assertThat(new KeyReference("openai", "OPENAI_API_KEY").describe())
                .isEqualTo("keychain entry \"openai\" or environment variable OPENAI_API_KEY");
        assertThat(KeyReference.NONE.describe()).isEqualTo("no key");
    }
}
