package arq.support;

import com.rms.platform.bootstrap.Bootstrap;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;

/** The application as the server runs it. */
public final class Server {

    private Server() {
    }

    /** Waits until start-up is done (schemas migrated, consumers started), as readiness does. */
    public static void awaitReady() {
        Bootstrap bootstrap = CDI.current().select(Bootstrap.class).get();
        Await.until("the application's start-up", Duration.ofSeconds(180), bootstrap::isReady);
    }
}
