package cn.yongkang.campaign.operator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: the command, its positional arguments and its {@code --options}
 * ({@code --name value} or {@code --name=value}; {@code --help} takes no value).
 */
record CommandLine(String command, List<String> arguments, Map<String, String> options) {

	/** Options that take no value. */
	private static final Set<String> FLAGS = Set.of("no-schedule", "allow-empty");

	static CommandLine parse(String[] args) {
		String command = null;
		List<String> arguments = new ArrayList<>();
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				options.put("help", "true");
			}
			else if (FLAGS.contains(arg.substring(Math.min(2, arg.length()))) && arg.startsWith("--")) {
				options.put(arg.substring(2), "true");
			}
			else if (arg.startsWith("--")) {
				String name = arg.substring(2);
				String value;
				int equals = name.indexOf('=');
				if (equals >= 0) {
					value = name.substring(equals + 1);
					name = name.substring(0, equals);
				}
				else if (FLAGS.contains(name)) {
					value = "true";
				}
				else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
					value = args[++i];
				}
				else {
					throw new UsageException("option --" + name + " needs a value");
				}
				if (options.put(name, value) != null) {
					throw new UsageException("option --" + name + " is given twice");
				}
			}
			else if (command == null) {
				command = arg;
			}
			else {
				arguments.add(arg);
			}
		}
		return new CommandLine(command, List.copyOf(arguments), options);
	}

	boolean flag(String name) {
		return this.options.containsKey(name);
	}

	boolean help() {
		return this.options.containsKey("help");
	}

	void allowOnly(Set<String> names, int positionals) {
		for (String name : this.options.keySet()) {
			if (!name.equals("help") && !names.contains(name) && !name.startsWith("spring.")) {
				throw new UsageException(
						"unknown option --" + name + " for '" + this.command + "'; see '" + this.command + " --help'");
			}
		}
		if (this.arguments.size() != positionals) {
			throw new UsageException(
					"'" + this.command + "' takes " + (positionals == 0 ? "no" : positionals) + " argument"
							+ (positionals == 1 ? "" : "s") + " besides options; see '" + this.command + " --help'");
		}
	}

	String option(String name) {
		return this.options.get(name);
	}

	String option(String name, String fallback) {
		return this.options.getOrDefault(name, fallback);
	}

	String required(String name, String example) {
		String value = this.options.get(name);
		if (value == null || value.isBlank()) {
			throw new UsageException("'" + this.command + "' needs --" + name + " " + example);
		}
		return value;
	}

	LocalDate date(String name, boolean required) {
		String value = required ? required(name, "yyyy-MM-dd") : this.options.get(name);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new UsageException("invalid --" + name + " '" + value + "': use yyyy-MM-dd, e.g. 2022-10-04");
		}
	}

	Path folder(String name, String fallback) {
		String value = this.options.getOrDefault(name, fallback);
		return Path.of(value);
	}

	long executionId() {
		String value = this.arguments.get(0);
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("'" + value + "' is not an execution id; 'status' lists them");
		}
	}

	int number(String name, int fallback) {
		String value = this.options.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
		}
	}

}
