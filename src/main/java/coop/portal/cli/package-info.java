/**
 * The subcommands of the {@code portal} command line, each wiring the packages it needs.
 */
package coop.portal.cli;
