package org.walletplatform.sync.reconcile;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.walletplatform.store.reconcile.ReconciliationRun;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin endpoints' answers: 202 with the run as it starts, 409 while one runs, the
 * last run's progress, 404 before any.
 */
class CacheReconciliationControllerTests {

    private final CacheReconciliationJob job = mock(CacheReconciliationJob.class);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new CacheReconciliationController(this.job)).build();

    private final ReconciliationRun running = new ReconciliationRun("r-1", "running", Instant.EPOCH, null, 1000, 0, 2,
            null);

    @Test
    void startsARunOr409sWhileOneRuns() throws Exception {
        when(this.job.start()).thenReturn(Optional.of(this.running), Optional.empty());

        this.mvc.perform(post("/admin/reconciliation"))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.id").value("r-1"))
            .andExpect(jsonPath("$.state").value("running"));
        this.mvc.perform(post("/admin/reconciliation")).andExpect(status().isConflict());
    }

    @Test
    void showsTheLastRunOr404sBeforeAny() throws Exception {
        when(this.job.last()).thenReturn(Optional.empty(), Optional.of(this.running));

        this.mvc.perform(get("/admin/reconciliation")).andExpect(status().isNotFound());
        this.mvc.perform(get("/admin/reconciliation"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.usersChecked").value(1000))
            .andExpect(jsonPath("$.drifted").value(2));
    }

}
