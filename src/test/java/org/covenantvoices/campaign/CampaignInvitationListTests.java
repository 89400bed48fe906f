package org.covenantvoices.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser invites a community group's members from the console: a CSV from their spreadsheet, each row with its
 * consent basis, previewed, then saved; a list that cannot be read says which row to fix.
 */
class CampaignInvitationListTests extends CampaignTest {

	@Test
	void anUploadedListIsPreviewedKeptForSavingAndRecordedWithEachConsentBasis() {
		String first = newNumber();
		String second = newNumber();
		// As a spreadsheet saves it: a byte order mark, its own column names, a UK date, a blank line at the end.
		String csv = "\uFEFFNumber,Consent given by,Consent given on,How consent was given,Language\r\n"
				+ first.replace("+44", "0") + ",Llandudno Tenants Group,2026-11-02,sign-up sheet at the roundtable,cy\r\n"
				+ second + ",The person,03/11/2026,said yes on the phone,\r\n\r\n";
		WebSession web = organiser();
		web.get("/campaigns/new");

		Page preview = web.postMultipart("/campaigns/new", form("preview", null), "invitationFile", "group.csv", csv);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("id=\"preview-recipients\">2<");
		// The rows are in the box now, so saving does not need the file again.
		assertThat(preview.body()).contains("Llandudno Tenants Group,2026-11-02");

		Page saved = web.postMultipart("/campaigns/new", form("save", csv.substring(1)), "invitationFile", null, null);
		assertThat(saved.status()).isEqualTo(302);
		long id = Long.parseLong(saved.location().replaceAll(".*/campaigns/", ""));
		created.add(id);
		List<Map<String, Object>> invitations = jdbc.sql("SELECT language, consent_given_by, consent_given_at::text AS at, "
				+ "consent_how FROM campaign_invitations WHERE campaign_id = ? ORDER BY consent_given_at")
			.param(id)
			.query()
			.listOfRows();
		assertThat(invitations).hasSize(2);
		assertThat(invitations.get(0)).containsEntry("language", "cy")
			.containsEntry("consent_given_by", "Llandudno Tenants Group")
			.containsEntry("at", "2026-11-02")
			.containsEntry("consent_how", "sign-up sheet at the roundtable");
		assertThat(invitations.get(1)).containsEntry("language", "en").containsEntry("at", "2026-11-03");
		assertThat(campaigns.dryRun(id).recipients()).isEqualTo(2);
	}

	@Test
	void aListThatCannotBeUsedSaysWhichRowToFixAndNothingIsSaved() {
		WebSession web = organiser();
		web.get("/campaigns/new");
		long before = campaignCount();

		String badDate = "number,consent given by,consent given on,how consent was given\n"
				+ newNumber() + ",The person,2026-11-01,by text\n"
				+ newNumber() + ",The person,last Tuesday,by text\n";
		Page page = web.postMultipart("/campaigns/new", form("save", null), "invitationFile", "list.csv", badDate);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("There is a problem",
				"Row 3 of the invitation list: write the consent date like 2026-11-01 or 01/11/2026");

		String noConsentColumns = "number\n" + newNumber() + "\n";
		page = web.postMultipart("/campaigns/new", form("save", null), "invitationFile", "list.csv", noConsentColumns);
		assertThat(page.text()).contains("The invitation list needs a first row naming its columns");

		// Readable, but a row without its consent basis: the campaign's own check names it, and it is not saved.
		String noConsent = "number,consent given by,consent given on,how consent was given\n" + newNumber()
				+ ",,2026-11-01,\n";
		page = web.postMultipart("/campaigns/new", form("preview", noConsent), "invitationFile", null, null);
		assertThat(page.text()).contains("Invitation 1 needs its consent basis");
		page = web.postMultipart("/campaigns/new", form("save", noConsent), "invitationFile", null, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(campaignCount()).isEqualTo(before);
	}

	private WebSession organiser() {
		String organiser = user("invitations", "ORGANISER");
		return WebSession.signedIn("http://localhost:" + port, organiser, password(organiser));
	}

	private Map<String, String> form(String action, String invitationList) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "Invite the tenants group " + eventCode);
		form.put("idleDays", "");
		form.put("messageEn", "Hello from Covenant Voices. Tell us how groups and government should work together.");
		form.put("messageCy", "Helo gan Lleisiau'r Cyfamod. Dywedwch wrthym sut dylai grwpiau a'r llywodraeth weithio.");
		form.put("sendFrom", "09:00");
		form.put("sendUntil", "20:00");
		form.put("invitationList", invitationList == null ? "" : invitationList);
		form.put("action", action);
		return form;
	}

	private long campaignCount() {
		return jdbc.sql("SELECT count(*) FROM campaigns").query(Long.class).single();
	}
}
