package io.triggercache.it.jdbc;

import org.hibernate.SessionEventListener;

/**
 * The application's own {@code hibernate.session.events.auto} listener: with it set, triggercache's session
 * activity tracking is not installed (see hibernate-events' {@code SessionActivity}).
 */
public class OwnSessionListener implements SessionEventListener {

    private static final long serialVersionUID = 1L;
}
