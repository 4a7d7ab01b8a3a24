/** Text for messages shared by the calm-sdk modules (human-readable durations). Internal. */
package io.calmsdk.core.internal.text;
