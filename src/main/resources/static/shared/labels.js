'use strict';
// Codes as people read them (docs/product.md §16: TRADE_SHOW → 展会 Trade show), amounts with their currency and people by
// name, for crmflow's own pages. A code without a label reads as words rather than SHOUTING_SNAKE.
window.CrmflowLabels = (function () {
  const LABELS = {
    zh: {
      regions: { EAST: '华东', SOUTH: '华南', NORTH: '华北', SOUTHWEST: '西南' },
      sources: { REFERRAL: '转介绍', TRADE_SHOW: '展会', WEBSITE: '官网', PARTNER: '合作伙伴', WECHAT: '微信', ONLINE_AD: '网络广告',
        COLD_CALL: '陌生电话', OTHER: '其他' },
      lossReasons: { PRICE: '价格', COMPETITOR: '竞争对手', NO_BUDGET: '无预算', NO_DECISION: '未决策', OTHER: '其他' },
      stages: { INITIAL_CONTACT: '初步接洽', NEEDS_CONFIRMED: '需求确认', PROPOSAL: '方案报价', NEGOTIATION: '商务谈判', WON: '赢单', LOST: '丢单' },
      priorities: { P1: 'P1 紧急', P2: 'P2 高', P3: 'P3 中', P4: 'P4 低' },
      tiers: { A: 'A 类', B: 'B 类', C: 'C 类' },
      processes: { 'quote-approval': '报价审批', 'contract-approval': '合同审批' }
    },
    en: {
      regions: { EAST: 'East', SOUTH: 'South', NORTH: 'North', SOUTHWEST: 'Southwest' },
      sources: { REFERRAL: 'Referral', TRADE_SHOW: 'Trade show', WEBSITE: 'Website', PARTNER: 'Partner', WECHAT: 'WeChat',
        ONLINE_AD: 'Online ad', COLD_CALL: 'Cold call', OTHER: 'Other' },
      lossReasons: { PRICE: 'Price', COMPETITOR: 'Competitor', NO_BUDGET: 'No budget', NO_DECISION: 'No decision', OTHER: 'Other' },
      stages: { INITIAL_CONTACT: 'Initial contact', NEEDS_CONFIRMED: 'Needs confirmed', PROPOSAL: 'Proposal', NEGOTIATION: 'Negotiation',
        WON: 'Won', LOST: 'Lost' },
      priorities: { P1: 'P1 urgent', P2: 'P2 high', P3: 'P3 medium', P4: 'P4 low' },
      tiers: { A: 'A tier', B: 'B tier', C: 'C tier' },
      processes: { 'quote-approval': 'Quote approval', 'contract-approval': 'Contract approval' }
    }
  };
  let people = {};
  const locale = (language) => (language === 'zh' ? 'zh-CN' : 'en-US');

  return {
    label(language, group, code) {
      if (code === null || code === undefined) return null;
      const known = LABELS[language][group][code];
      if (known) return known;
      const words = String(code).toLowerCase().replace(/_/g, ' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    },

    /** "¥1,234,567.00": amounts are in CNY (docs/product.md §16). */
    money(language, value) {
      if (value === null || value === undefined) return null;
      return '¥' + Number(value).toLocaleString(locale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    },

    /** A short amount for chart axes: "¥120万" / "¥1.2M". */
    shortMoney(language, value) {
      return '¥' + new Intl.NumberFormat(locale(language), { notation: 'compact', maximumFractionDigits: 1 }).format(value);
    },

    /** Loads the display names once per page: {userId: "Alice Wang"}. */
    async loadPeople() {
      const response = await fetch('/dashboard/data/people', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok) people = await response.json();
    },

    /** A person's name; an id the directory does not know (an imported owner) stays as it is. */
    person(userId) {
      return userId === null || userId === undefined ? null : (people[userId] || userId);
    },

    /** A date and clock time in Asia/Shanghai, the company's zone. */
    dateTime(language, instant) {
      if (!instant) return null;
      return new Date(instant).toLocaleString(locale(language), { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
    },

    date(language, instant) {
      if (!instant) return null;
      return new Date(instant).toLocaleDateString(locale(language), { timeZone: 'Asia/Shanghai' });
    }
  };
}());
