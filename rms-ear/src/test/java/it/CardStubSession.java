package it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the card stub before the first integration test and stops it after the last, so every IT
 * (not only the card ones) finds the provider the server was pointed at. Registered in
 * META-INF/services; does nothing when the build runs the server on its sandbox.
 */
public class CardStubSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        CardStub.shared();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        CardStub.stopShared();
    }
}
