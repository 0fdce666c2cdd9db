package cn.tierup.identity;

import cn.tierup.identity.internal.AccountRepository;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A page names a person once however many lines carry them; a renamed person is read anew on the next page. */
class PeopleTest {

    private final AccountRepository accounts = mock(AccountRepository.class);
    private final People people = new People(accounts);

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aPageLooksEachPersonUpOnce() {
        when(accounts.displayName("zhen")).thenReturn(Optional.of("李镇书"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        for (int line = 0; line < 50; line++) {
            assertThat(people.name("zhen")).isEqualTo("李镇书");
        }
        verify(accounts, times(1)).displayName("zhen");

        when(accounts.displayName("zhen")).thenReturn(Optional.of("王镇书"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(people.name("zhen")).as("the next page reads the new name").isEqualTo("王镇书");
    }

    @Test
    void outsideARequestEveryCallReadsAndADeletedAccountKeepsItsLoginName() {
        when(accounts.displayName("cun")).thenReturn(Optional.empty());
        assertThat(people.name("cun")).isEqualTo("cun");
        assertThat(people.name("cun")).isEqualTo("cun");
        verify(accounts, times(2)).displayName("cun");
        assertThat(people.name(" ")).isEmpty();
    }
}
