/**
 * The maps under test. {@link dev.mapleak.subject.Subject} is the enum (and factory) whose constant names are the
 * JMH {@code subject} parameter; {@link dev.mapleak.subject.SubjectMap} is the small adapter every map sits
 * behind. Adding a map means one adapter (in {@code lib/}, or a sub-package for mapleak's own maps) and one enum
 * constant; nothing else changes.
 *
 * <p>May use: {@code dev.mapleak.folder} (Storage, SubjectKind) and the map libraries. Never the runner, the
 * measurement or the report.
 */
package dev.mapleak.subject;
