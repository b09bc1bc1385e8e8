package org.walletplatform.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one status-to-type table the services' error handling and the gateway's share.
 */
class ProblemTypesTests {

    @Test
    void namesTheTypeOfAStatusOrFallsBackByItsClass() {
        assertThat(ProblemTypes.forStatus(404)).isEqualTo(ProblemTypes.NOT_FOUND);
        assertThat(ProblemTypes.forStatus(417)).isEqualTo(ProblemTypes.EXPECTATION_FAILED);
        assertThat(ProblemTypes.forStatus(502)).isEqualTo(ProblemTypes.BAD_GATEWAY);
        assertThat(ProblemTypes.forStatus(504)).isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE);
        assertThat(ProblemTypes.forStatus(408)).isEqualTo(ProblemTypes.MALFORMED_REQUEST);
        assertThat(ProblemTypes.forStatus(500)).isEqualTo(ProblemTypes.INTERNAL);
    }

}
