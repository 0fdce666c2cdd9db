package cn.tierup.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginKeyTest {

    @Test
    void aNameIsKeyedAsTheAccountLookupTakesIt() {
        assertThat(LoginKey.of("  admin ", "10.0.0.5")).isEqualTo(new LoginKey("admin", "10.0.0.5"));
    }

    @Test
    void aNameNoAccountCouldHaveIsKeptAsItsHashSoItAlwaysFits() {
        assertThat(LoginKey.name("a".repeat(5000))).startsWith("#").hasSize(65);
        assertThat(LoginKey.name("ad\u0000min")).startsWith("#").hasSize(65);
        assertThat(LoginKey.name("#admin")).as("no name can pose as a hash").startsWith("#").hasSize(65);
        assertThat(LoginKey.name("李镇书")).isEqualTo("李镇书");
    }

    @Test
    void anIpv6AddressCountsByItsSlash64AndAMappedIpv4AsItself() {
        assertThat(LoginKey.address("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginKey.address("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginKey.address("::ffff:10.0.0.5")).isEqualTo("10.0.0.5");
        assertThat(LoginKey.address("10.0.0.5")).isEqualTo("10.0.0.5");
    }

    @Test
    void whatIsNotAnAddressIsKeptAsGivenAndNeverLookedUp() {
        assertThat(LoginKey.address("example.invalid")).isEqualTo("example.invalid");
        assertThat(LoginKey.address(null)).isEqualTo("unknown");
        assertThat(LoginKey.address("x".repeat(300))).startsWith("#");
    }
}
