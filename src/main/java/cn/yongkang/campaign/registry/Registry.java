package cn.yongkang.campaign.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.yongkang.campaign.support.Fold;

/**
 * The township and village registry with alias resolution. Townships match by name, code
 * or alias, with or without a 永康市 prefix; villages match by name, code or alias within
 * their township, with or without the township's name in front and with the committee
 * suffix (村委会, 居委会) or without it.
 */
public final class Registry {

	private static final List<String> CITY_PREFIXES = List.of("浙江省", "金华市", "永康市", "永康");

	private final List<Township> townships;

	private final List<Village> villages;

	private final Map<String, Township> townshipsByKey = new HashMap<>();

	private final Map<String, Township> townshipsByCode = new LinkedHashMap<>();

	private final Map<String, Map<String, Village>> villageKeysByTownship = new HashMap<>();

	Registry(List<Township> townships, List<Village> villages) {
		this.townships = List.copyOf(townships);
		this.villages = List.copyOf(villages);
		for (Township township : townships) {
			this.townshipsByCode.put(township.code(), township);
			addTownshipKey(township.code(), township);
			addTownshipKey(township.name(), township);
			township.aliases().forEach((alias) -> addTownshipKey(alias, township));
		}
		for (Village village : villages) {
			Township township = this.townshipsByCode.get(village.townshipCode());
			if (township == null) {
				throw new RegistryException("village " + village.code() + " names township code "
						+ village.townshipCode() + ", which is not in townships.csv");
			}
			Map<String, Village> keys = this.villageKeysByTownship.computeIfAbsent(township.code(),
					(code) -> new HashMap<>());
			addVillageKey(keys, village.code(), village);
			addVillageKey(keys, village.name(), village);
			village.aliases().forEach((alias) -> addVillageKey(keys, alias, village));
		}
	}

	public static Registry load(Path jobsDirectory) {
		return RegistryLoader.load(jobsDirectory);
	}

	public List<Township> townships() {
		return this.townships;
	}

	public List<Village> villages() {
		return this.villages;
	}

	public Optional<Township> townshipByCode(String code) {
		return Optional.ofNullable(this.townshipsByCode.get(code));
	}

	/** Resolves a township as typed in a cell or named by an inbox folder. */
	public Optional<Township> township(String raw) {
		String key = Fold.compact(raw);
		for (int i = 0; i <= CITY_PREFIXES.size() && !key.isEmpty(); i++) {
			Township found = this.townshipsByKey.get(key);
			if (found != null) {
				return Optional.of(found);
			}
			key = stripAnyPrefix(key, CITY_PREFIXES);
		}
		return Optional.empty();
	}

	/**
	 * Resolves a village or community within the given township. The name as typed is
	 * tried first: many villages begin with their township's short name (古山一村, 前仓居委会), so
	 * a township prefix is only dropped when the full name matches nothing.
	 */
	public Optional<Village> village(Township township, String raw) {
		Map<String, Village> keys = this.villageKeysByTownship.getOrDefault(township.code(), Collections.emptyMap());
		String key = Fold.compact(raw);
		for (String prefix : CITY_PREFIXES) {
			key = stripPrefix(key, prefix);
		}
		List<String> townshipNames = new ArrayList<>(township.aliases());
		townshipNames.add(0, township.name());
		for (String name : List.of(key, stripAnyPrefix(key, townshipNames))) {
			for (String candidate : villageCandidates(name)) {
				Village found = keys.get(candidate);
				if (found != null) {
					return Optional.of(found);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The forms a village name takes in ledgers: with or without its committee suffix.
	 */
	private static List<String> villageCandidates(String key) {
		List<String> candidates = new ArrayList<>(List.of(key));
		if (key.endsWith("村民委员会")) {
			candidates.add(key.substring(0, key.length() - 5) + "村");
		}
		if (key.endsWith("居民委员会")) {
			candidates.add(key.substring(0, key.length() - 5) + "居委会");
		}
		if (key.endsWith("村委会")) {
			candidates.add(key.substring(0, key.length() - 2));
		}
		if (key.endsWith("社区居委会")) {
			candidates.add(key.substring(0, key.length() - 3));
		}
		if (!key.endsWith("村") && !key.endsWith("社区") && !key.endsWith("居委会")) {
			candidates.add(key + "村");
			candidates.add(key + "社区");
			candidates.add(key + "居委会");
		}
		return candidates;
	}

	private static String stripAnyPrefix(String key, List<String> prefixes) {
		for (String prefix : prefixes) {
			String folded = Fold.compact(prefix);
			if (key.startsWith(folded) && key.length() > folded.length()) {
				return key.substring(folded.length());
			}
		}
		return key;
	}

	private static String stripPrefix(String key, String prefix) {
		return key.startsWith(prefix) && key.length() > prefix.length() ? key.substring(prefix.length()) : key;
	}

	private void addTownshipKey(String name, Township township) {
		String key = Fold.compact(name);
		Township previous = this.townshipsByKey.putIfAbsent(key, township);
		if (previous != null && previous != township) {
			throw new RegistryException("township name or alias '" + name + "' is used by both " + previous.name()
					+ " and " + township.name());
		}
	}

	private static void addVillageKey(Map<String, Village> keys, String name, Village village) {
		String key = Fold.compact(name);
		Village previous = keys.putIfAbsent(key, village);
		if (previous != null && previous != village) {
			throw new RegistryException("village name or alias '" + name + "' is used by both " + previous.code()
					+ " and " + village.code() + " in one township");
		}
	}

}
