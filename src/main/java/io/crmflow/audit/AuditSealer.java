package io.crmflow.audit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Seals committed audit entries every few seconds, on every node; the chain's primary key lets only one win each round. */
@Component
class AuditSealer {

    private final AuditChain chain;

    AuditSealer(AuditChain chain) {
        this.chain = chain;
    }

    @Scheduled(fixedDelayString = "${crmflow.audit.seal-interval:5s}")
    void seal() {
        try {
            chain.sealPending();
        } catch (DuplicateKeyException anotherNodeSealedFirst) {
            // Its seals stand; the next round continues from them.
        }
    }
}
