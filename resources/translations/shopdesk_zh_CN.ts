<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnalysisController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="45"/>
        <source>Complaint &amp;analysis…</source>
        <translation>投诉分析(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="46"/>
        <source>Which causes bring most complaints (Pareto), by period and dimension</source>
        <translation>哪些原因带来最多投诉（帕累托图），按时段和维度统计</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="49"/>
        <source>Export monthly complaint report…</source>
        <translation>导出投诉月报…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="51"/>
        <source>One month&apos;s complaint analysis as a PDF: Pareto chart, top causes, improvement plans and their measured results</source>
        <translation>一个月的投诉分析报告（PDF）：帕累托图表、主要原因、改进计划与实测结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="119"/>
        <source>%1 due</source>
        <translation>%1 项到期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="121"/>
        <source>%1 missed the target</source>
        <translation>%1 项未达标</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="125"/>
        <source>Improvement plans: </source>
        <translation>改进计划：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="129"/>
        <source>Click to see the improvement plans</source>
        <translation>点击查看改进计划</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="161"/>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="168"/>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="162"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="177"/>
        <source>Export monthly complaint report</source>
        <translation>导出投诉月报</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="183"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="190"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/analysis.py" line="209"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>AnalysisDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="64"/>
        <source>Complaint analysis</source>
        <translation>投诉分析</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="71"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="71"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="72"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="72"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="73"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="74"/>
        <source>Last 30 days</source>
        <translation>最近30天</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="74"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="87"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="98"/>
        <source>Type to search…</source>
        <translation>输入以搜索…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="99"/>
        <source>Only the cases of one product (the SKU, or the item title when there is none)</source>
        <translation>只统计一个商品的案件（SKU；没有 SKU 时为宝贝标题）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="105"/>
        <source>All items</source>
        <translation>所有商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="116"/>
        <source>The end date is before the start date</source>
        <translation>结束日期早于开始日期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="128"/>
        <source>Click a bar to list its cases in the main window</source>
        <translation>点击柱子，在主窗口列出这些案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="134"/>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="134"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="134"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="134"/>
        <source>Cumulative</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="135"/>
        <source>Refunded / compensated</source>
        <translation>退款/赔付金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="135"/>
        <source>Avg. hours to resolve</source>
        <translation>平均解决时长（小时）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="136"/>
        <source>Change vs previous period</source>
        <translation>较上期变化</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="144"/>
        <source>Double-click a row to list its cases in the main window</source>
        <translation>双击一行，在主窗口列出这些案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="148"/>
        <source>List these cases</source>
        <translation>列出这些案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="152"/>
        <source>New improvement plan for this group…</source>
        <translation>为此类新建改进计划…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="155"/>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="157"/>
        <source>Export monthly report…</source>
        <translation>导出月报…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="161"/>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="168"/>
        <source>By:</source>
        <translation>维度：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="173"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="176"/>
        <source>Item / SKU:</source>
        <translation>商品/SKU：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="198"/>
        <source>Pareto analysis</source>
        <translation>帕累托分析</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="199"/>
        <source>Refund speed</source>
        <translation>退款时效</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="200"/>
        <source>Improvement plans (Table 1)</source>
        <translation>改进计划（表一）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="376"/>
        <source>%1 cases</source>
        <translation>共 %1 单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/analysis_dialog.py" line="378"/>
        <source>Change: %1</source>
        <translation>较上期：%1</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="30"/>
        <source>Audit trail — %1</source>
        <translation>审计记录 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="33"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="33"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="33"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="33"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="34"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="34"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="63"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="27"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="30"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="64"/>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="66"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="67"/>
        <source>Backup saved:
{path}</source>
        <translation>备份已保存：
{path}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="77"/>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="86"/>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="110"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="87"/>
        <source>Replace the current register with the backup “{name}”?

Changes made after that backup will no longer be shown. The current file is kept and can be restored again.</source>
        <translation>用备份“{name}”替换当前的登记簿？

该备份之后所做的修改将不再显示。当前文件会被保留，之后还可以再恢复。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="104"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/backup.py" line="111"/>
        <source>The register was restored from the backup.

The previous register file was kept here:
{path}</source>
        <translation>已从备份恢复登记簿。

原来的登记簿文件保存在：
{path}</translation>
    </message>
</context>
<context>
    <name>BlacklistController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="28"/>
        <source>&amp;Malicious-buyer list…</source>
        <translation>恶意买家名单(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="29"/>
        <source>Buyers known to abuse after-sales (malicious reviewers): a new case from one is warned</source>
        <translation>已知滥用售后的买家（差评师）：名单中的买家有新案件时会预警</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="32"/>
        <source>Add the &amp;buyer to the malicious-buyer list…</source>
        <translation>把买家加入恶意买家名单(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="35"/>
        <source>List the shown case&apos;s buyer (platform, nickname, phone) with the case as evidence</source>
        <translation>把当前案件的买家（平台、昵称、手机号）加入名单，以本案件为依据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="43"/>
        <source>Choose a case first.</source>
        <translation>请先选择一个案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="55"/>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="68"/>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="92"/>
        <source>Malicious-buyer list</source>
        <translation>恶意买家名单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="56"/>
        <source>Why is %1 listed?</source>
        <translation>为什么把 %1 列入名单？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/blacklist.py" line="71"/>
        <source>%1 is on the malicious-buyer list now.</source>
        <translation>%1 已加入恶意买家名单。</translation>
    </message>
</context>
<context>
    <name>BlacklistView</name>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="56"/>
        <source>This list holds personal data (nicknames, phone numbers, addresses): it is for the shop&apos;s own stores only. Phones and addresses are shown masked.</source>
        <translation>此名单含有个人信息（昵称、手机号、地址），仅供本店自己的店铺使用。手机号和地址以打码形式显示。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="64"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="64"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="64"/>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="95"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="64"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="65"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="65"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="65"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="65"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="82"/>
        <source>A part of the address, 4 characters or more</source>
        <translation>地址的一部分，至少 4 个字</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="85"/>
        <source>e.g. asked for money for a good review</source>
        <translation>例如：以好评为条件索要钱款</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="92"/>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="97"/>
        <source>&amp;Buyer</source>
        <translation>买家(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="98"/>
        <source>A&amp;ddress</source>
        <translation>地址(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="99"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="100"/>
        <source>Ca&amp;se</source>
        <translation>案件(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="107"/>
        <source>&amp;Add to the list</source>
        <translation>加入名单(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="110"/>
        <source>&amp;Remove selected</source>
        <translation>移除选中项(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="112"/>
        <source>Remove the selected entries (Delete)</source>
        <translation>移除选中的条目（Delete）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="114"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="116"/>
        <source>Share the list with the shop&apos;s other stores (full values; Ctrl+E)</source>
        <translation>与本店的其他店铺共享名单（完整信息；Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="119"/>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="121"/>
        <source>Add the entries of a CSV not listed yet (Ctrl+I)</source>
        <translation>从 CSV 添加名单中还没有的条目（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="164"/>
        <source>%1 buyer(s) on the list</source>
        <translation>名单中共 %1 位买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="189"/>
        <source>Choose the operator first: the list records who changed it.</source>
        <translation>请先选择操作人：名单会记录是谁修改的。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="235"/>
        <source>Select the entries to remove first.</source>
        <translation>请先选择要移除的条目。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="241"/>
        <source>Remove from the list</source>
        <translation>从名单中移除</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="242"/>
        <source>Remove %1 buyer(s) from the malicious-buyer list?</source>
        <translation>把 %1 位买家从恶意买家名单中移除？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="268"/>
        <source>Export the malicious-buyer list</source>
        <translation>导出恶意买家名单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="269"/>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="294"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="278"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="282"/>
        <source>Exported %1 entries to %2</source>
        <translation>已导出 %1 条到 %2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="293"/>
        <source>Import a malicious-buyer list</source>
        <translation>导入恶意买家名单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/blacklist_view.py" line="306"/>
        <source>Imported %1 new entries (%2 already listed)</source>
        <translation>已导入 %1 条新条目（%2 条已在名单中）</translation>
    </message>
</context>
<context>
    <name>BreakPromiseDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="216"/>
        <source>Promise not kept</source>
        <translation>承诺未兑现</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="226"/>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="226"/>
        <source>Warehouse delayed</source>
        <translation>仓库延误</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="227"/>
        <source>Courier delayed</source>
        <translation>快递延误</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="227"/>
        <source>Could not reach the buyer</source>
        <translation>联系不上买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="228"/>
        <source>Solved another way</source>
        <translation>已用其他方式解决</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="230"/>
        <source>Why was it not kept?</source>
        <translation>为什么没有兑现？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="233"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="234"/>
        <source>Was due</source>
        <translation>原定到期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="235"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="239"/>
        <source>Mark not kept</source>
        <translation>标记为未兑现</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="241"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="260"/>
        <source>This promise no longer exists</source>
        <translation>该承诺已不存在</translation>
    </message>
</context>
<context>
    <name>BuyerCallDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="40"/>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="107"/>
        <source>Buyer call settings</source>
        <translation>买家电话设置</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="48"/>
        <source>Shop&apos;s time zone (%1)</source>
        <translation>店铺时区（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="57"/>
        <source>Do not call this buyer</source>
        <translation>不要给这位买家打电话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="64"/>
        <source>Buyer&apos;s time zone</source>
        <translation>买家时区</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="108"/>
        <source>Call-backs already promised to this buyer that the call policy does not allow at their time now (change them in the Promises tab):</source>
        <translation>已答应给这位买家的回电，按现在的通话规范在约定的时间不能打（请在“承诺”页修改）：</translation>
    </message>
</context>
<context>
    <name>CallComplianceView</name>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="45"/>
        <source>Last %1 days</source>
        <translation>最近 %1 天</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="50"/>
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="54"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="57"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="59"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="62"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="54"/>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="54"/>
        <source>Talked</source>
        <translation>接通次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="55"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="68"/>
        <source>Overrides</source>
        <translation>破例通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="55"/>
        <source>Outside window</source>
        <translation>时段外</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="56"/>
        <source>Do not call</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="57"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="59"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="57"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="59"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="61"/>
        <source>Case no.</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="58"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="60"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="62"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="58"/>
        <source>Rules overridden</source>
        <translation>被破例的规则</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="58"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="60"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="60"/>
        <source>Rules broken</source>
        <translation>违反的规则</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="61"/>
        <source>Buyer&apos;s local time</source>
        <translation>买家当地时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="62"/>
        <source>Outcome</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="65"/>
        <source>Breaches: a hard rule broken, or logged afterwards over a rule</source>
        <translation>违规：违反硬性规则，或补记时超出规则</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="67"/>
        <source>Attempts per buyer</source>
        <translation>每位买家的拨打次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="69"/>
        <source>Calls outside the calling window</source>
        <translation>允许时段之外的通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="79"/>
        <source>%1 calls, %2 overrides, %3 outside the window</source>
        <translation>共 %1 次通话，%2 次破例，%3 次在允许时段之外</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="87"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>CallController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/calls.py" line="30"/>
        <source>Phone-call &amp;policy…</source>
        <translation>电话沟通规范(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/calls.py" line="32"/>
        <source>Call &amp;compliance…</source>
        <translation>通话合规记录(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/calls.py" line="33"/>
        <source>May call now</source>
        <translation>现在可拨打的买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/calls.py" line="89"/>
        <source>Call compliance</source>
        <translation>通话合规记录</translation>
    </message>
</context>
<context>
    <name>CallIndicator</name>
    <message>
        <location filename="../../shopdesk/ui/views/call_indicator.py" line="37"/>
        <source>Log call</source>
        <translation>登记通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_indicator.py" line="38"/>
        <source>Record a phone call with this buyer</source>
        <translation>登记一次与该买家的电话沟通</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_indicator.py" line="44"/>
        <source>Buyer…</source>
        <translation>买家…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_indicator.py" line="45"/>
        <source>The buyer&apos;s time zone and do-not-call flag</source>
        <translation>买家的时区和“勿打电话”标记</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_indicator.py" line="63"/>
        <location filename="../../shopdesk/ui/views/call_indicator.py" line="69"/>
        <source>No case selected</source>
        <translation>未选择案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_indicator.py" line="72"/>
        <source>No phone number on this case</source>
        <translation>该案件没有手机号</translation>
    </message>
</context>
<context>
    <name>CallTexts</name>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="35"/>
        <source>in %1 d %2 h</source>
        <translation>%1 天 %2 小时后</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="37"/>
        <source>in %1 h %2 min</source>
        <translation>%1 小时 %2 分钟后</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="38"/>
        <source>in %1 min</source>
        <translation>%1 分钟后</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="49"/>
        <source>May call now (%1 left)</source>
        <translation>现在可以打电话（还可打 %1 次）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="51"/>
        <source>fill in the pre-call checklist first</source>
        <translation>请先填写通话前准备清单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="54"/>
        <source>the buyer may be abroad: set their time zone</source>
        <translation>买家可能在海外：请先设置买家时区</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="60"/>
        <source>Cannot call: %1</source>
        <translation>不能打电话：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="69"/>
        <source>Cannot call now: %1 — next possible: %2 %4 (%5 %6; %3)</source>
        <translation>现在不能打电话：%1 — 最早可在%4 %2（%6 %5；%3）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="75"/>
        <source>Cannot call now: %1 — next possible: %2 (%3)</source>
        <translation>现在不能打电话：%1 — 最早可在 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_texts.py" line="85"/>
        <source>Buyer&apos;s local time: %1</source>
        <translation>买家当地时间：%1</translation>
    </message>
</context>
<context>
    <name>CancelPromiseDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="280"/>
        <source>Promise no longer needed</source>
        <translation>承诺不再需要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="287"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="288"/>
        <source>Was due</source>
        <translation>原定到期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="289"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="293"/>
        <source>Mark no longer needed</source>
        <translation>标记为不再需要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="295"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="313"/>
        <source>This promise no longer exists</source>
        <translation>该承诺已不存在</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="33"/>
        <source>That case no longer exists.</source>
        <translation>该案件已不存在。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="36"/>
        <source>ShopDesk</source>
        <translation>ShopDesk</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/host.py" line="93"/>
        <source>Choose the operator</source>
        <translation>请选择操作人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/host.py" line="94"/>
        <source>First choose who you are in the toolbar (Operator).</source>
        <translation>请先在工具栏的“操作人”中选择你是谁。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="62"/>
        <source>Case saved; the current filters hide it.</source>
        <translation>案件已保存；当前筛选条件下不显示它。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="79"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="80"/>
        <source>Move {count} selected case(s) to the trash? You can restore them from the trash later.</source>
        <translation>把选中的 {count} 个案件移到回收站？之后可以从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="97"/>
        <source>{count} case(s) moved to the trash.</source>
        <translation>已把 {count} 个案件移到回收站。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="127"/>
        <source>{count} case(s) restored.</source>
        <translation>已恢复 {count} 个案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="138"/>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="139"/>
        <source>Delete the {count} case(s) in the trash for good? This cannot be undone.</source>
        <translation>永久删除回收站中的 {count} 个案件？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/cases.py" line="152"/>
        <source>{count} case(s) deleted for good.</source>
        <translation>已永久删除 {count} 个案件。</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="91"/>
        <source>No case selected.
Pick a case in the list to see it here.</source>
        <translation>未选择案件。
在左侧列表中选择一个案件即可在此查看。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="149"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="150"/>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="151"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="154"/>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="537"/>
        <source>Major…</source>
        <translation>重大投诉…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="161"/>
        <source>Print summary…</source>
        <translation>打印摘要…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="162"/>
        <source>Print or save this case&apos;s dispute summary (PDF)</source>
        <translation>打印或保存本案件的争议摘要（PDF）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="164"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="165"/>
        <source>Move this case to the trash</source>
        <translation>把这个案件移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="202"/>
        <source>Timeline</source>
        <translation>处理时间线</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="214"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="203"/>
        <source>Scripts</source>
        <translation>回复话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="219"/>
        <source>Review</source>
        <translation>差评</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="250"/>
        <source>Progress note… (Ctrl+Enter adds it)</source>
        <translation>进度备注…（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="252"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="483"/>
        <source>Choose the operator (who is working now) first — every change records who made it. Nothing was changed.</source>
        <translation>请先选择操作人（现在是谁在处理）——每次修改都会记录操作人。本次未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="524"/>
        <source>Major: %1</source>
        <translation>重大投诉：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="526"/>
        <source>A major complaint owned by %1: first in every list. Click to change.</source>
        <translation>重大投诉，负责人 %1：在所有列表中排在最前。点击可更改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="530"/>
        <source>Mark major?</source>
        <translation>标记为重大投诉？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="532"/>
        <source>The warnings suggest a major complaint (%1); a person decides.</source>
        <translation>预警提示这可能是重大投诉（%1）；由人来决定。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="540"/>
        <source>Mark as a major complaint and name its owner</source>
        <translation>标记为重大投诉并指定负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="603"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="604"/>
        <source>Move case %1 to the trash?
You can restore it from the trash later.</source>
        <translation>把案件 %1 移到回收站？
之后可以从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="623"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
</context>
<context>
    <name>CaseFacts</name>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="124"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="125"/>
        <source>Show the full number (this is recorded)</source>
        <translation>显示完整号码（会记录在审计日志中）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="131"/>
        <source>More details</source>
        <translation>更多信息</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="132"/>
        <source>Shop, refund number, buyer name, SKU, dates and the description</source>
        <translation>店铺、售后单号、买家姓名、SKU、时间和问题描述</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="189"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="191"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="193"/>
        <source>Platform status</source>
        <translation>平台状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="226"/>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="237"/>
        <source>evidence due %1</source>
        <translation>举证截止 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="241"/>
        <source>platform blames: %1</source>
        <translation>平台判定责任方：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="243"/>
        <source> (not the side of the cause chosen)</source>
        <translation>（与所选原因不是同一方）</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="90"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="92"/>
        <source>Edit case %1</source>
        <translation>编辑案件 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="115"/>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="122"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="116"/>
        <source>Show the full number (this is recorded)</source>
        <translation>显示完整号码（会记录在审计日志中）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="124"/>
        <source>Show the full address (this is recorded)</source>
        <translation>显示完整地址（会记录在审计日志中）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="142"/>
        <source>Who handles this case (hand it to a colleague by choosing them)</source>
        <translation>负责处理此案件的人（选择同事即可转交）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="205"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="209"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="272"/>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="477"/>
        <source>(nobody)</source>
        <translation>（无人负责）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="128"/>
        <source>(not yet known)</source>
        <translation>（暂不清楚）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="80"/>
        <source>Discard what you typed in this form?</source>
        <translation>放弃这张表单里已填写的内容吗？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="110"/>
        <source>= amount paid</source>
        <translation>= 实付金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="132"/>
        <source>This case has a due time</source>
        <translation>设置截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="137"/>
        <source>When the buyer applied on the platform: the platform&apos;s time limit counts from then (a refund not answered in time is approved automatically). Unticked: not known, and the deadline counts from when the case was logged.</source>
        <translation>买家在平台上发起申请的时间：平台时限从这时起算（没有及时处理的退款会被自动同意）。不勾选表示不知道，时限从登记案件时起算。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="147"/>
        <source>What happened, what the buyer wants… (Ctrl+Enter saves)</source>
        <translation>发生了什么、买家想要什么…（Ctrl+Enter 保存）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="163"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="164"/>
        <source>Buyer and case</source>
        <translation>买家与案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="171"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="172"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="175"/>
        <source>Enter saves · Esc cancels</source>
        <translation>Enter 保存 · Esc 取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="199"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="199"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="200"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="200"/>
        <source>Refund no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="201"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="201"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="202"/>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="202"/>
        <source>Amount claimed</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="203"/>
        <source>Buyer asked at</source>
        <translation>买家申请时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="204"/>
        <source>Buyer nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="204"/>
        <source>Buyer name</source>
        <translation>买家姓名</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="205"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="206"/>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="207"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="207"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="208"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="208"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="209"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="467"/>
        <source>Their changes are now in the form: %1.</source>
        <translation>对方的修改已填入表单：%1。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="470"/>
        <source>You both changed %1: yours is kept (see the field); saving again replaces theirs.</source>
        <translation>你们都改了%1：保留了你填写的内容（见该栏）；再次保存将覆盖对方的修改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="477"/>
        <source>no due time</source>
        <translation>无截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="478"/>
        <source>not known</source>
        <translation>不知道</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="482"/>
        <source>%1 changed this too, to: %2</source>
        <translation>%1 也改了这一项，改为：%2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="484"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="515"/>
        <source>Order %1 already has open case(s): %2. Open another case for it?</source>
        <translation>订单 %1 已有未结案件：%2。还要为它再新建一个案件吗？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="517"/>
        <source>Order %1 already has open case(s): %2. Move this case to that order as well?</source>
        <translation>订单 %1 已有未结案件：%2。仍要把这个案件也改到这个订单吗？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="520"/>
        <source>Same order</source>
        <translation>同一订单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="530"/>
        <source>In the imported orders, order %1 belongs to buyer %2, and its %3 differs from what is typed here.</source>
        <translation>已导入的订单里，订单 %1 属于买家 %2，它的%3与这里填写的不同。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="532"/>
        <source>In the imported orders, the %3 of order %1 differs from what is typed here.</source>
        <translation>已导入的订单里，订单 %1 的%3与这里填写的不同。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="535"/>
        <source>Save anyway? Nothing will be filled from that order. Choose No to check the order number.</source>
        <translation>仍然保存吗？不会从这个订单补全任何信息。选“否”返回核对订单号。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="538"/>
        <source>Check the order number</source>
        <translation>请核对订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="550"/>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="561"/>
        <source>Malicious-buyer list</source>
        <translation>恶意买家名单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="551"/>
        <source>Add the buyer %1 to the malicious-buyer list? A new case from them will then be warned. (The list holds personal data for the shop&apos;s own use.)</source>
        <translation>把买家 %1 加入恶意买家名单？之后该买家的新案件会收到预警。（名单含个人信息，仅供本店使用。）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="584"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="76"/>
        <source>In the trash</source>
        <translation>在回收站中</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="294"/>
        <source>No case under this quick filter matches “%1”. Press All to search every case, or clear the search (Esc).</source>
        <translation>当前快捷筛选下没有与“%1”匹配的案件。点“全部”可在所有案件中查找，或清除搜索（Esc）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="297"/>
        <source>No case matches “%1”. Check the spelling, or clear the search (Esc).</source>
        <translation>没有与“%1”匹配的案件。请检查拼写，或清除搜索（Esc）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="300"/>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="301"/>
        <source>No promise to a buyer is overdue.</source>
        <translation>没有逾期的买家承诺。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="302"/>
        <source>No promise to a buyer falls due today.</source>
        <translation>今天没有到期的买家承诺。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="303"/>
        <source>No open case is past its deadline.</source>
        <translation>没有已过截止时间的未结案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="304"/>
        <source>No open case is due today.</source>
        <translation>今天没有到期的未结案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="305"/>
        <source>No open case is assigned to you.</source>
        <translation>没有分配给你的未结案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="306"/>
        <source>No open case carries a warning.</source>
        <translation>没有带预警的未结案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="307"/>
        <source>No open cases: everything is resolved.</source>
        <translation>没有未结案件：全部已处理完。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="313"/>
        <source>(Only with the filters above.)</source>
        <translation>（仅限上方的筛选条件。）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="315"/>
        <source>No case matches the filters above.</source>
        <translation>没有符合上方筛选条件的案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_list_view.py" line="319"/>
        <source>No cases yet. Add one with File → New case… (Ctrl+N) or import a platform export with File → Import platform export… (Ctrl+I).</source>
        <translation>还没有案件。可通过“文件 → 新建案件…”（Ctrl+N）登记，或通过“文件 → 导入平台导出文件…”（Ctrl+I）导入平台导出的表格。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="83"/>
        <source>Case no.</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="84"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="85"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="86"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="87"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="88"/>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="89"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="91"/>
        <source>Claimed</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="92"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="93"/>
        <source>Last activity</source>
        <translation>最近动态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="95"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="97"/>
        <source>Promise due</source>
        <translation>承诺到期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="100"/>
        <source>Platform status</source>
        <translation>平台状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="102"/>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="105"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="111"/>
        <source>The due time set on the case (typed, or the kind&apos;s default): the shop&apos;s own target</source>
        <translation>案件上设定的截止时间（手动填写或按类型默认）：店铺自己的处理目标</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="114"/>
        <source>Time left to the platform stage&apos;s deadline (e.g. the seller&apos;s 48 h to answer a refund request); ~ marks an estimate</source>
        <translation>距平台当前阶段时限的剩余时间（例如卖家须在 48 小时内处理退款申请）；带“约”的是估算</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_columns.py" line="117"/>
        <source>When the next open promise to the buyer is due</source>
        <translation>对买家的下一个未完成承诺何时到期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_texts.py" line="185"/>
        <source>Platform deadline</source>
        <translation>平台时限</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_texts.py" line="186"/>
        <source>Estimated from the rules</source>
        <translation>按规则推算</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_texts.py" line="187"/>
        <source>Set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_side_columns.py" line="187"/>
        <source>promise overdue</source>
        <translation>承诺已逾期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_texts.py" line="162"/>
        <source>Major complaint, owner: %1</source>
        <translation>重大投诉，负责人：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_texts.py" line="170"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>CaseText</name>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="60"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="60"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="61"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="61"/>
        <source>Refund no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="62"/>
        <source>Buyer nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="62"/>
        <source>Buyer name</source>
        <translation>买家姓名</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="63"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="63"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="64"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="64"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="65"/>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="65"/>
        <source>Amount claimed</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="66"/>
        <source>Amount settled</source>
        <translation>结算金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="66"/>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="67"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="67"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="68"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="68"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="69"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="69"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="70"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="70"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="71"/>
        <source>Buyer asked at</source>
        <translation>买家申请时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="77"/>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="78"/>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="78"/>
        <source>Note added</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="79"/>
        <source>Phone revealed</source>
        <translation>查看了完整手机号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="79"/>
        <source>Moved to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="80"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="80"/>
        <source>Deleted for good</source>
        <translation>已永久删除</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="86"/>
        <source>Promise no longer needed</source>
        <translation>承诺不再需要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="132"/>
        <source>Agreed: %1</source>
        <translation>约定：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="134"/>
        <source>Logged afterwards: a contact from before the case was opened</source>
        <translation>补登：建案前与买家的联系</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="137"/>
        <source>(outside the call policy; reason: %1)</source>
        <translation>（不符合电话沟通规范，破例原因：%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="148"/>
        <source>Filled from order %1: %2</source>
        <translation>从订单 %1 补全：%2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="155"/>
        <source>Not filled from order %1: its buyer %2 is not the one typed on this case (%3). Check the order number.</source>
        <translation>未从订单 %1 补全：订单的买家 %2 与本案件填写的不同（%3），请核对订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="158"/>
        <source>Not filled from order %1: its buyer is not the one typed on this case (%3). Check the order number.</source>
        <translation>未从订单 %1 补全：订单的买家与本案件填写的不同（%3），请核对订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="167"/>
        <source>Warnings acknowledged: %1</source>
        <translation>已确认预警：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="172"/>
        <source>Stage: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="175"/>
        <source> (tracking no. %1)</source>
        <translation>（单号 %1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="181"/>
        <source>Marked as a major complaint, owner: %1</source>
        <translation>标记为重大投诉，负责人：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="182"/>
        <source>No longer a major complaint</source>
        <translation>不再是重大投诉</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="185"/>
        <source>Owner approved compensation up to ¥%1 (asked by %2)</source>
        <translation>负责人批准赔付最多 ¥%1（%2 申请）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="194"/>
        <source>Follow-up scheduled for %1</source>
        <translation>已安排回访：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="199"/>
        <source>Follow-up: %1</source>
        <translation>回访：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="202"/>
        <source>Follow-up cancelled (the case was reopened)</source>
        <translation>回访已取消（案件已重新打开）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="205"/>
        <source>Bad-review contact %1 of 2 (%2)</source>
        <translation>差评联系第 %1 次，共 2 次（%2）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="208"/>
        <source>Review outcome: %1</source>
        <translation>评价结果：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="213"/>
        <source>Bad review: public reply posted</source>
        <translation>差评：已发出评价解释</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="214"/>
        <source>Bad review: details updated</source>
        <translation>差评：更新了差评信息</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="217"/>
        <source>Bad review: %1</source>
        <translation>差评：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="237"/>
        <source>Step done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="238"/>
        <source>Step undone: %1</source>
        <translation>取消完成：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="256"/>
        <source>Evidence removed: %1</source>
        <translation>移除证据：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="258"/>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="302"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="261"/>
        <source>Waybill added: %1</source>
        <translation>添加运单号：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="263"/>
        <source>Evidence added (%1): %2</source>
        <translation>添加证据（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="273"/>
        <source>Refund %1 of order %2 not merged into this case: its buyer %3 is not the one typed here (%4); it got a case of its own. Check the order number.</source>
        <translation>售后单 %1（订单 %2）没有合并到本案件：它的买家 %3 与这里填写的不同（%4），已另建案件。请核对订单号。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="277"/>
        <source>Refund %1 of order %2 not merged into this case: its buyer is not the one typed here (%4); it got a case of its own. Check the order number.</source>
        <translation>售后单 %1（订单 %2）没有合并到本案件：它的买家与这里填写的不同（%4），已另建案件。请核对订单号。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="291"/>
        <source>Promise to the buyer: %1 (due %2)</source>
        <translation>向买家承诺：%1（%2 到期）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="294"/>
        <source>Promise kept: %1</source>
        <translation>承诺已兑现：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="295"/>
        <source>(after the due time %1)</source>
        <translation>（晚于到期时间 %1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="298"/>
        <source>Promise no longer needed: %1</source>
        <translation>承诺不再需要：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="300"/>
        <source>Promise not kept: %1</source>
        <translation>承诺未兑现：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="77"/>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="117"/>
        <source>Case created</source>
        <translation>创建案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="81"/>
        <source>Call logged</source>
        <translation>登记了通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="81"/>
        <source>Call policy overridden</source>
        <translation>破例通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="82"/>
        <source>Do-not-call changed</source>
        <translation>勿扰设置已更改</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="83"/>
        <source>Buyer time zone changed</source>
        <translation>买家时区已更改</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="84"/>
        <source>Promise made</source>
        <translation>作出承诺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="84"/>
        <source>Promise kept</source>
        <translation>承诺已兑现</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="85"/>
        <source>Promise not kept</source>
        <translation>承诺未兑现</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="87"/>
        <source>Evidence added</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="88"/>
        <source>Evidence removed</source>
        <translation>移除证据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="89"/>
        <source>Evidence caption changed</source>
        <translation>修改证据说明</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="90"/>
        <source>Evidence category changed</source>
        <translation>修改证据类别</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="91"/>
        <source>Summary facts statement edited</source>
        <translation>编辑争议摘要的事实陈述</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="92"/>
        <source>Summary printed with full contact details</source>
        <translation>打印了含完整联系方式的争议摘要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="119"/>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="170"/>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="183"/>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="187"/>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="250"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="122"/>
        <source>Edited: %1</source>
        <translation>修改了：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="124"/>
        <source>Moved to the trash</source>
        <translation>移到了回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="126"/>
        <source>Restored from the trash</source>
        <translation>从回收站恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="130"/>
        <source>Phone call: %1</source>
        <translation>电话沟通：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="140"/>
        <source>(outside the call policy, override recorded)</source>
        <translation>（不符合电话沟通规范，已记录破例原因）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="145"/>
        <source>Platform update: %1</source>
        <translation>平台更新：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="241"/>
        <source>Status: %1 → %2</source>
        <translation>状态：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="245"/>
        <source>Outcome: %1</source>
        <translation>处理结果：%1</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="56"/>
        <source>Column mapping</source>
        <translation>设置列映射</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="67"/>
        <source>After-sales / refunds (become cases)</source>
        <translation>售后/退款（生成案件）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="70"/>
        <source>Orders (buyer details for cases)</source>
        <translation>订单（为案件补全买家信息）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="78"/>
        <source>(from the file)</source>
        <translation>（取文件中的列）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="81"/>
        <source>Case kind when empty</source>
        <translation>售后类型默认值</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="83"/>
        <source>Rows are</source>
        <translation>每行是</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="84"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="88"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="88"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="94"/>
        <source>Save as profile</source>
        <translation>保存为方案</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="96"/>
        <source>e.g. Kuaishou after-sales</source>
        <translation>例如：快手售后导出</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="108"/>
        <source>Use this mapping</source>
        <translation>使用此映射</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="109"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="140"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>DeadlineSettingsPage</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="43"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="45"/>
        <source>Cases with less time left than this turn red and are listed under “Deadline soon”</source>
        <translation>剩余时间少于此值时显示为红色，并列入“即将超时”</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="50"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="50"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="50"/>
        <source>Who acts</source>
        <translation>谁处理</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="50"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="51"/>
        <source>When time runs out</source>
        <translation>到期后</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="51"/>
        <source>Confidence</source>
        <translation>信心</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="51"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="61"/>
        <source>Edit the shop&apos;s rules file…</source>
        <translation>编辑本店规则文件…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="63"/>
        <source>Opens deadline_rules.toml in the data folder (created with examples if missing); the keys you change override the rules that ship with ShopDesk</source>
        <translation>打开数据文件夹中的 deadline_rules.toml（没有则创建，内含示例）；改动的键覆盖随软件提供的规则</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="66"/>
        <source>Reload rules</source>
        <translation>重新载入规则</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="71"/>
        <source>Warning threshold:</source>
        <translation>提醒阈值：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="78"/>
        <source>A deadline in the platform&apos;s export (such as the timeout or the evidence deadline) always comes first; the rules below only estimate one when the platform gives none. “About” means the source is uncertain: the seller back office has the final word.</source>
        <translation>平台导出的时限（如超时时间、举证超时）总是优先；下列规则只在平台没给时推算。“约”表示来源不确定，请以商家后台为准。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="101"/>
        <source> (this shop)</source>
        <translation>（本店）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/deadline_settings.py" line="110"/>
        <source> (the rules that ship with ShopDesk are still in use)</source>
        <translation>（仍使用随软件提供的规则）</translation>
    </message>
</context>
<context>
    <name>DeadlineStrip</name>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="75"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="76"/>
        <source>Record the after-sales progress (return agreed, buyer shipped it back, received…); the deadline is worked out again for the stage</source>
        <translation>记录售后进展（同意退货、买家寄回、已签收……），时限随阶段重新计算</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="111"/>
        <source>Stage not set</source>
        <translation>阶段未定</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="132"/>
        <source>No deadline</source>
        <translation>无时限</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="142"/>
        <source>Platform deadline</source>
        <translation>平台时限</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="143"/>
        <source>Estimated from the rules</source>
        <translation>按规则推算</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="144"/>
        <source>Set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="146"/>
        <source>%1 left</source>
        <translation>剩%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="151"/>
        <source>Manual due time %1</source>
        <translation>手动截止 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="160"/>
        <source>Rule %1: %2, confidence %3, checked in %4
Source: %5</source>
        <translation>规则 %1：%2，信心 %3，核对年份 %4
来源：%5</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="165"/>
        <source>When time runs out, %1</source>
        <translation>到期后%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="179"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/deadline_strip.py" line="180"/>
        <source>Tracking number (may be left empty):</source>
        <translation>运单号（可留空）：</translation>
    </message>
</context>
<context>
    <name>DemoController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/demo.py" line="33"/>
        <source>Clear &amp;demo data…</source>
        <translation>清除演示数据(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/demo.py" line="34"/>
        <source>Delete the made-up demo cases (numbered DEMO-…); your own cases are not touched</source>
        <translation>删除虚构的演示案件（编号 DEMO-…）；不影响你自己的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/demo.py" line="47"/>
        <location filename="../../shopdesk/ui/controllers/demo.py" line="51"/>
        <location filename="../../shopdesk/ui/controllers/demo.py" line="65"/>
        <source>Clear demo data</source>
        <translation>清除演示数据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/demo.py" line="48"/>
        <source>There is no demo data in this register.</source>
        <translation>此登记簿中没有演示数据。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/demo.py" line="52"/>
        <source>Delete the {count} demo cases (numbered DEMO-…) for good, with the demo staff? Your own cases are not touched.</source>
        <translation>永久删除这 {count} 条演示案件（编号 DEMO-…）及演示员工？不影响你自己的案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/demo.py" line="71"/>
        <source>{count} demo cases removed.</source>
        <translation>已删除 {count} 条演示案件。</translation>
    </message>
</context>
<context>
    <name>EndShiftDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="47"/>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="69"/>
        <source>End shift and hand over</source>
        <translation>结束班次并交接</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="58"/>
        <source>Note for the next shift (what they must know):</source>
        <translation>给下一班的交班留言（必须知道的事）：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="62"/>
        <source>e.g. SD-…-0003: buyer will send photos tonight; the warehouse answers at 10:00</source>
        <translation>例如：SD-…-0003 买家今晚发照片；仓库 10:00 回复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="72"/>
        <source>Store the hand-off sheet (Ctrl+Enter)</source>
        <translation>保存交接单（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="74"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="77"/>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="79"/>
        <source>Copy the sheet as text for the team chat</source>
        <translation>把交接单复制为文本，发到团队群聊</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="84"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="121"/>
        <source>On shift: %1 since %2. The sheet covers every change since %3, also what was done before the shift started. Ending it hands over to the next shift.</source>
        <translation>当班：%1，%2 起。交接记录涵盖 %3 以来的全部变动，包括开班前的操作。结束班次即交给下一班。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="125"/>
        <source>No shift was started: the sheet covers %1 since %2 (the last hand-off, or the last 24 hours).</source>
        <translation>未开始班次：交接记录涵盖 %1 自 %2 起的工作（上次交接，或最近 24 小时）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="134"/>
        <source>The note is longer than %1 characters</source>
        <translation>留言超过 %1 个字</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="156"/>
        <source>The shift was ended or started elsewhere meanwhile. The preview is up to date again: read it, then end the shift.</source>
        <translation>期间已有人在别处结束或开始了班次。预览已重新生成：请先阅读，再结束班次。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="174"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="177"/>
        <source>Handed over at %1. The next person acknowledges it from the banner or Shift → Hand-off history.</source>
        <translation>已于 %1 交接。接班人可在顶部提示栏或“班次 → 交接记录”中确认接班。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="187"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/end_shift_dialog.py" line="192"/>
        <source>Copied: paste it into the team chat.</source>
        <translation>已复制，请粘贴到团队群聊。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/error_dialog.py" line="57"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/error_dialog.py" line="58"/>
        <source>The log files are in:
{path}</source>
        <translation>日志文件在：
{path}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/error_dialog.py" line="72"/>
        <source>ShopDesk — unexpected error</source>
        <translation>ShopDesk — 意外错误</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/error_dialog.py" line="86"/>
        <source>To get help, send these details or the log files.</source>
        <translation>如需帮助，请发送以下详情或日志文件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/error_dialog.py" line="89"/>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/error_dialog.py" line="91"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/error_dialog.py" line="93"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/error_dialog.py" line="110"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="82"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="83"/>
        <source>Photos, screenshots, PDFs (or drop files here)</source>
        <translation>照片、截图、PDF（也可以把文件拖到这里）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="87"/>
        <source>Category given to the files you add; it starts at the first item the checklist below is missing</source>
        <translation>添加的文件归入的类别；默认为下方清单中第一项缺少的证据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="93"/>
        <source>as</source>
        <translation>归为</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="95"/>
        <source>Add waybill…</source>
        <translation>添加运单号…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="97"/>
        <source>Show removed</source>
        <translation>显示已移除</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="119"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="138"/>
        <source>No evidence yet. Drop photos, screenshots or PDFs anywhere on the case to attach them.</source>
        <translation>还没有证据。把照片、截图或 PDF 拖到案件页面的任意位置即可添加。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="144"/>
        <source>Caption, e.g. torn seam on the left sleeve</source>
        <translation>说明，例如：左袖接缝开线</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="147"/>
        <source>What this evidence shows</source>
        <translation>这份证据属于哪一类</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="153"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="154"/>
        <source>Open with the system viewer (double-click)</source>
        <translation>用系统默认程序打开（双击）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="156"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="214"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="214"/>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="238"/>
        <source>Evidence (%1)</source>
        <translation>证据（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="240"/>
        <source>%1 missing</source>
        <translation>缺 %1 项</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="246"/>
        <source>[removed] %1</source>
        <translation>[已移除] %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="257"/>
        <source>The file is missing from the data folder</source>
        <translation>数据文件夹中找不到该文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="258"/>
        <source>Added %1 by %2</source>
        <translation>%2 于 %1 添加</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="261"/>
        <source>Removed %1 by %2</source>
        <translation>%2 于 %1 移除</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="264"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="279"/>
        <source>cause not set</source>
        <translation>未设置原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="289"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="296"/>
        <source>The platform will ask for (%1):</source>
        <translation>平台会要求提供（%1）：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="297"/>
        <source>nothing for this cause</source>
        <translation>此原因无需特定证据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="340"/>
        <source>Choose the operator (who is working now) first — every change records who made it. Nothing was changed.</source>
        <translation>请先选择操作人（现在是谁在处理）——每次修改都会记录操作人。本次未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="355"/>
        <source>Add evidence: %1</source>
        <translation>添加证据：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="357"/>
        <source>Images and PDFs (%1);;All files (*)</source>
        <translation>图片和 PDF (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="394"/>
        <source>Could not store %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="398"/>
        <source>%1 of %2 files added.</source>
        <translation>已添加 %1 个文件（共 %2 个）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="401"/>
        <source>Filed as “%1”, the first item the checklist was missing; if a file shows something else, choose its category below.</source>
        <translation>已归为“%1”（清单中第一项缺少的证据）；如果文件内容不是这一类，请在下方改选类别。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="485"/>
        <source>The file is missing from the data folder: %1</source>
        <translation>数据文件夹中找不到该文件：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="492"/>
        <source>“%1” is not a picture, PDF, video or sound file, so it is not opened; its folder is shown instead.</source>
        <translation>“%1”不是图片、PDF、视频或音频文件，因此不直接打开，改为显示其所在文件夹。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="496"/>
        <source>No program to open %1 was found.</source>
        <translation>找不到可以打开 %1 的程序。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="507"/>
        <source>Remove evidence</source>
        <translation>移除证据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="508"/>
        <source>Remove “%1” from this case?
The file is kept and the removal is recorded in the audit trail.

Reason (optional):</source>
        <translation>从这个案件中移除“%1”？
文件会保留，移除操作会记入审计记录。

原因（选填）：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/evidence_panel.py" line="525"/>
        <source>This evidence no longer exists</source>
        <translation>该证据已不存在</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/exports.py" line="24"/>
        <source>&amp;Export cases…</source>
        <translation>导出案件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/exports.py" line="31"/>
        <source>Export cases</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/exports.py" line="35"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/exports.py" line="43"/>
        <source>Include full phone numbers, names and addresses?

Choose No for a masked export (138****5678). A full export is recorded in the audit trail.</source>
        <translation>导出完整的手机号、姓名和地址吗？

选“否”导出打码信息（138****5678）。完整导出会记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/exports.py" line="60"/>
        <source>Exported 1 case to %2</source>
        <translation>已导出 1 条案件到 %2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/exports.py" line="61"/>
        <source>Exported %1 cases to %2</source>
        <translation>已导出 %1 条案件到 %2</translation>
    </message>
</context>
<context>
    <name>ExternalChanges</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/external_changes.py" line="62"/>
        <source>Reconnected to the team register</source>
        <translation>已重新连接团队登记簿</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="56"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="57"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="58"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="59"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="62"/>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="63"/>
        <source>Deadline soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="60"/>
        <source>Late promises</source>
        <translation>承诺逾期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="61"/>
        <source>Promises today</source>
        <translation>承诺今日到期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="64"/>
        <source>Refunds today</source>
        <translation>今日待退款</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="65"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="66"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="69"/>
        <source>Every case that is not in the trash</source>
        <translation>回收站以外的所有案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="70"/>
        <source>Cases that still need attention</source>
        <translation>还需要处理的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="71"/>
        <source>Open cases whose due time or platform deadline falls today (shop time)</source>
        <translation>截止时间或平台时限在今天（店铺时间）的未结案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="73"/>
        <source>Open cases past their due time or platform deadline</source>
        <translation>已过截止时间或平台时限的未结案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="76"/>
        <source>Cases with a promise to the buyer that is due and not yet kept</source>
        <translation>对买家的承诺已到期但还没兑现的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="78"/>
        <source>Cases with an open promise to the buyer due today (shop time)</source>
        <translation>有今天（店铺时间）到期的待兑现承诺的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="80"/>
        <source>Open cases with an early warning nobody has acknowledged yet</source>
        <translation>有预警且尚未确认的未结售后单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="82"/>
        <source>Open cases whose stage deadline (platform, rule or set by hand) is within the warning threshold or past</source>
        <translation>未结案件中，阶段时限（平台、规则或手动）在提醒阈值内到期或已过期的</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="85"/>
        <source>Open refund-only requests and agreed refunds not paid yet; finish them before 24:00</source>
        <translation>未结的仅退款和已同意还没退的退款；请在 24:00 前处理完</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="87"/>
        <source>Open cases assigned to the current operator</source>
        <translation>分配给当前操作人的未结案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="88"/>
        <source>Deleted cases; restore them or empty the trash</source>
        <translation>已删除的案件：可以恢复，或清空回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="110"/>
        <source>Search case no., order no., buyer, item, notes…  (Ctrl+F)</source>
        <translation>搜索案件号、订单号、买家、商品、备注…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="127"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="128"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="130"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="133"/>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="135"/>
        <source>Only cases created in this date range</source>
        <translation>只显示在这个日期范围内创建的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="160"/>
        <source>Clear the analysis filter and show all cases</source>
        <translation>清除分析筛选，显示全部案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="168"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="184"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="185"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="186"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="194"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="241"/>
        <source>Complaint analysis: %1 (%2 to %3)</source>
        <translation>投诉分析：%1（%2 至 %3）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="262"/>
        <source>1 case</source>
        <translation>共 1 条</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="263"/>
        <source>{count} cases</source>
        <translation>共 {count} 条</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/first_start.py" line="26"/>
        <source>&amp;Load demo data…</source>
        <translation>加载演示数据(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/first_start.py" line="27"/>
        <source>Fill an empty register with made-up demo cases to try ShopDesk out</source>
        <translation>在空的登记簿里加入虚构的演示案件，试用店铺售后台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/first_start.py" line="49"/>
        <source>Welcome to ShopDesk</source>
        <translation>欢迎使用 ShopDesk 店铺售后台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/first_start.py" line="50"/>
        <source>The register is empty. Load {count} demo cases to try ShopDesk out?

Demo cases are made up; you can move them to the trash later.</source>
        <translation>登记簿还是空的。要加载 {count} 条演示案件来试用吗？

演示案件都是虚构的，之后可以移到回收站。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/first_start.py" line="53"/>
        <source>They are numbered DEMO-…; File → Clear demo data removes them all at once.</source>
        <translation>它们的编号为 DEMO-…；通过“文件 → 清除演示数据”可一次全部删除。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/first_start.py" line="67"/>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/first_start.py" line="68"/>
        <source>Demo data can only be loaded into an empty register, so that made-up cases never mix with your own. This register already holds cases (the trash counts too).</source>
        <translation>演示数据只能加载到空的登记簿，以免虚构案件和你自己的案件混在一起。这个登记簿已经有案件（回收站里的也算）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/first_start.py" line="78"/>
        <source>{count} demo cases loaded.</source>
        <translation>已加载 {count} 个演示案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/operator_name.py" line="26"/>
        <source>Who is working?</source>
        <translation>现在是谁在处理？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/operator_name.py" line="27"/>
        <source>Your name (recorded on every change you make):</source>
        <translation>你的名字（每次修改都会记录）：</translation>
    </message>
</context>
<context>
    <name>FollowupController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/followups.py" line="26"/>
        <source>&amp;Follow-ups…</source>
        <translation>回访(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/followups.py" line="28"/>
        <source>Follow-ups after resolution, by due date (Ctrl+Shift+U)</source>
        <translation>结案后的回访，按到期时间排列（Ctrl+Shift+U）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/followups.py" line="36"/>
        <source>Follow-ups due now: open the queue (Ctrl+Shift+U)</source>
        <translation>有到期的回访：打开回访列表（Ctrl+Shift+U）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/followups.py" line="55"/>
        <source>Follow-ups due: %1</source>
        <translation>待回访：%1</translation>
    </message>
</context>
<context>
    <name>FollowupQueueDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="52"/>
        <source>Follow-ups after resolution</source>
        <translation>结案后回访</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="58"/>
        <source>&amp;Due now only</source>
        <translation>只看已到期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="66"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="66"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="66"/>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="66"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="67"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="67"/>
        <source>Resolved as</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="86"/>
        <source>&amp;Copy script</source>
        <translation>复制话术(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="91"/>
        <source>What the buyer said (needed for “problem again”: it reopens the case)</source>
        <translation>买家怎么说（选“问题再次出现”时必填：会重新打开案件）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="95"/>
        <source>&amp;Satisfied</source>
        <translation>满意(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="96"/>
        <source>&amp;Problem again…</source>
        <translation>问题再次出现(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="97"/>
        <source>&amp;No reply</source>
        <translation>未回复(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="103"/>
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="119"/>
        <source>Result:</source>
        <translation>回访结果：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="164"/>
        <source>%1 open, %2 due now</source>
        <translation>%1 条待回访，%2 条已到期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="184"/>
        <source>No follow-up selected</source>
        <translation>未选择回访</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="196"/>
        <source>Suggested script: %1</source>
        <translation>推荐话术：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="217"/>
        <source>Choose the operator first (toolbar, right)</source>
        <translation>请先选择操作人（工具栏右侧）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_queue.py" line="228"/>
        <source>The case is no longer in the register</source>
        <translation>该案件已不在登记簿中</translation>
    </message>
</context>
<context>
    <name>FollowupSettingsPage</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_settings.py" line="22"/>
        <source>When a case is resolved, a follow-up with the buyer is due this many days later (View → Follow-ups).</source>
        <translation>案件解决后，过这么多天需要回访买家（查看 → 回访）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_settings.py" line="30"/>
        <source>No follow-up</source>
        <translation>不回访</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/followup_settings.py" line="31"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
</context>
<context>
    <name>HandoffBanner</name>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_banner.py" line="37"/>
        <source>Review and acknowledge</source>
        <translation>查看并确认接班</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_banner.py" line="52"/>
        <source>Hand-off from %1 (%2) not acknowledged</source>
        <translation>%1 的交接（%2）尚未确认</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_banner.py" line="55"/>
        <source> — and %1 later ones</source>
        <translation>，之后还有 %1 份</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_banner.py" line="58"/>
        <source>%1 open cases, %2 promises overdue, %3 due next shift</source>
        <translation>待处理案件 %1 个，承诺逾期 %2 个，下一班到期 %3 个</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_banner.py" line="62"/>
        <source>Click to read the hand-off sheet and acknowledge it</source>
        <translation>点击查看交接单并确认接班</translation>
    </message>
</context>
<context>
    <name>HandoffHistory</name>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="249"/>
        <source>%1 %2  %3 · %4 open</source>
        <translation>%1 %2  %3 · 待处理 %4</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="253"/>
        <source>Acknowledged</source>
        <translation>已确认接班</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="254"/>
        <source>Not acknowledged yet</source>
        <translation>尚未确认接班</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="267"/>
        <source>No hand-offs yet: end a shift to make one.</source>
        <translation>还没有交接记录：结束一个班次即可生成。</translation>
    </message>
</context>
<context>
    <name>HandoffPane</name>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="59"/>
        <source>Start my shift too</source>
        <translation>同时开始我的班次</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="61"/>
        <source>Acknowledge hand-off</source>
        <translation>确认接班</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="64"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="67"/>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="73"/>
        <source>Incoming:</source>
        <translation>接班人：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="75"/>
        <source>PIN:</source>
        <translation>PIN 码：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="97"/>
        <source>No hand-off chosen.</source>
        <translation>未选择交接记录。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="110"/>
        <source>This hand-off is not in the register (restored from a backup?). Reopen the history.</source>
        <translation>登记簿中没有这份交接（是否从备份恢复过？）。请重新打开交接记录。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="124"/>
        <source> (own hand-off)</source>
        <translation>（本人确认）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="125"/>
        <source>Handed over by %1 at %2; acknowledged by %3 at %4%5.</source>
        <translation>%1 于 %2 交班；%3 于 %4 确认接班%5。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="130"/>
        <source>Handed over by %1 at %2; not acknowledged yet.</source>
        <translation>%1 于 %2 交班；尚未确认接班。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="142"/>
        <source>— who takes over? —</source>
        <translation>— 由谁接班？—</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="161"/>
        <source>4 digits</source>
        <translation>4 位数字</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="199"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="204"/>
        <source>Copied: paste it into the team chat.</source>
        <translation>已复制，请粘贴到团队群聊。</translation>
    </message>
</context>
<context>
    <name>HandoffReviewDialog</name>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="284"/>
        <source>Hand-off to acknowledge</source>
        <translation>待确认的交接</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_history.py" line="287"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HandoffView</name>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_view.py" line="199"/>
        <source>Save hand-off as PDF</source>
        <translation>把交接单保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_view.py" line="201"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/handoff_view.py" line="212"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/help_dialog.py" line="36"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/help_dialog.py" line="41"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HolidayCoverageBox</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="112"/>
        <source>Holiday data</source>
        <translation>节假日数据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="120"/>
        <source>Enter holidays…</source>
        <translation>录入节假日…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="135"/>
        <source>{year}: built-in holiday data</source>
        <translation>{year} 年：使用内置节假日数据</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="137"/>
        <source>{year}: entered by the shop ({days} days off, {makeup} make-up working days)</source>
        <translation>{year} 年：本店录入（放假 {days} 天，调休上班 {makeup} 天）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="142"/>
        <source>{year}: NOT COVERED. Statutory holidays and make-up working days of {year} are not known yet; weekends stand in for them. Enter them from the State Council&apos;s notice.</source>
        <translation>{year} 年：未覆盖。尚不知道 {year} 年的法定节假日和调休上班日，暂以周末代替。请按国务院放假通知录入。</translation>
    </message>
</context>
<context>
    <name>HolidayYearDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="41"/>
        <source>Statutory holidays of a year</source>
        <translation>录入全年法定节假日</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="54"/>
        <source>Copy the dates from the State Council&apos;s holiday notice (国务院办公厅关于…放假安排的通知). Separate dates with commas; write a period as 2027-02-06..2027-02-12. These dates are used until ShopDesk&apos;s holiday data covers the year.</source>
        <translation>请按国务院办公厅关于…放假安排的通知填写日期，多个日期用逗号分隔，连续的假期写成 2027-02-06..2027-02-12。在 ShopDesk 自带的节假日数据覆盖该年之前，使用这里填写的日期。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="59"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="60"/>
        <source>Days off (holidays)</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="61"/>
        <source>Make-up working days</source>
        <translation>调休上班日期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="66"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/holiday_dialog.py" line="67"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/imports.py" line="29"/>
        <source>&amp;Import platform export…</source>
        <translation>导入平台导出文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/imports.py" line="32"/>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="88"/>
        <source>Import platform export</source>
        <translation>导入平台导出文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="96"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="98"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="101"/>
        <source>How to export it from the platform?</source>
        <translation>如何从平台导出这个文件？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="117"/>
        <source>Column mapping…</source>
        <translation>设置列映射…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="120"/>
        <source>File type:</source>
        <translation>文件类型：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="127"/>
        <source>Import the valid rows (skip rows with errors)</source>
        <translation>只导入正确的行（跳过有错误的行）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="139"/>
        <source>Save skipped rows…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="141"/>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="517"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="143"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="145"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="168"/>
        <source>Only unfinished refunds</source>
        <translation>只导入未完结的</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="170"/>
        <source>Refunds already finished on the platform open no case. Cases already in the register are still updated.</source>
        <translation>平台上已完结的退款不新建案件；登记簿中已有的案件仍会更新。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="172"/>
        <source>Finished refunds only since</source>
        <translation>已完结的只导入此日之后完结的</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="218"/>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="222"/>
        <source>Profile: %1</source>
        <translation>方案：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="224"/>
        <source>Custom mapping</source>
        <translation>自定义映射</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="231"/>
        <source>Choose a platform export</source>
        <translation>选择平台导出文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="233"/>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>表格文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="307"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="322"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="330"/>
        <source>Save skipped rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="344"/>
        <source>Saved %1 row(s) to %2</source>
        <translation>已把 %1 行保存到 %2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="351"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="367"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="391"/>
        <source>Failed; the register was not changed: %1</source>
        <translation>失败，登记簿没有任何改动：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="396"/>
        <source>Cancelled; the register was not changed.</source>
        <translation>已取消，登记簿没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="408"/>
        <source>Recognised: %1</source>
        <translation>识别为：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="436"/>
        <source> Use “Column mapping…” to tell which column is which.</source>
        <translation>可以用“设置列映射…”指定每一列的含义。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="441"/>
        <source>. Save the skipped rows to fix them and import again.</source>
        <translation>。可以保存未导入的行，修正后再导入。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="446"/>
        <source>%1 row(s) have errors. Tick “Import the valid rows” to skip them, or fix the file and choose it again.</source>
        <translation>有 %1 行有错误。勾选“只导入正确的行”可以跳过它们，或修正文件后重新选择。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="451"/>
        <source>Nothing new in this file.</source>
        <translation>这个文件里没有新的内容。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="457"/>
        <source>Ready: %1 new, %2 updated.</source>
        <translation>可以导入：新建 %1，更新 %2。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="517"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="34"/>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="41"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="41"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="41"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="41"/>
        <source>Export</source>
        <translation>导出类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="42"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="42"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="42"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="42"/>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="43"/>
        <source>Also</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="76"/>
        <source>No platform export has been imported yet (File → Import platform export…, Ctrl+I).</source>
        <translation>还没有导入过平台导出的文件（文件 → 导入平台导出文件…，Ctrl+I）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="79"/>
        <source>%1 imports in all; the last %2 are shown.</source>
        <translation>共导入 %1 次，显示最近 %2 次。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="82"/>
        <source>%1 import(s).</source>
        <translation>共导入 %1 次。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_history_dialog.py" line="86"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/limits_page.py" line="31"/>
        <source>On a major complaint, a refund or compensation above the operator&apos;s limit needs the approval of the case&apos;s owner. Empty default: no limit; empty for a person: the default.</source>
        <translation>重大投诉中，超出操作人额度的退款或赔付需要案件负责人批准。默认额度留空：不设上限；个人额度留空：使用默认额度。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/limits_page.py" line="38"/>
        <source>no limit</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/limits_page.py" line="40"/>
        <location filename="../../shopdesk/ui/dialogs/limits_page.py" line="69"/>
        <source>Default limit (¥)</source>
        <translation>默认额度（¥）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/limits_page.py" line="45"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/limits_page.py" line="77"/>
        <source>%1: “%2” is not a valid amount (e.g. 200 or 99.50)</source>
        <translation>%1：“%2”不是有效的金额（例如 200 或 99.50）</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="58"/>
        <source>Log call — %1</source>
        <translation>登记通话 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="66"/>
        <source>Earlier calls with this buyer</source>
        <translation>与这位买家的历次通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="73"/>
        <source> (override)</source>
        <translation>（越权记录）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="79"/>
        <source>No calls logged yet.</source>
        <translation>还没有通话记录。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="95"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="100"/>
        <source>e.g. reship tomorrow, buyer keeps the item</source>
        <translation>例如：明天补发，买家保留商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="107"/>
        <source>Logged afterwards: a contact from before this case was opened</source>
        <translation>补登：建案前与买家的联系</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="113"/>
        <source>Time (shop time)</source>
        <translation>时间（店铺时间）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="115"/>
        <source>Outcome</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="116"/>
        <source>Duration</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="117"/>
        <source>Summary</source>
        <translation>通话摘要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="118"/>
        <source>Agreed</source>
        <translation>达成的约定</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="126"/>
        <source>Offer %1</source>
        <translation>方案 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="128"/>
        <source>Pre-call checklist</source>
        <translation>通话前准备清单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="130"/>
        <source>Goal of the call</source>
        <translation>通话目标</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="131"/>
        <source>Fallback offers (2–3)</source>
        <translation>备选方案（2–3 个）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="132"/>
        <source>Bottom line</source>
        <translation>承受底线</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="133"/>
        <source>Most you may grant</source>
        <translation>补偿权限（最多可给）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="146"/>
        <source>Why call outside the policy?</source>
        <translation>为什么要在规范之外打电话？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="148"/>
        <source>Override reason (required)</source>
        <translation>破例原因（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="165"/>
        <source>Log call</source>
        <translation>登记通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="166"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="225"/>
        <source>The call time is in the future: a call is logged after it was made.</source>
        <translation>通话时间不能在将来：请在通话结束后再登记。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="233"/>
        <source>This time is before the case was opened (%1). If it was a contact from before the case, tick “Logged afterwards”.</source>
        <translation>这个时间早于案件创建时间（%1）。如果这是建案前与买家的联系，请勾选“补登”。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="241"/>
        <source>Within the call policy (%1 left)</source>
        <translation>符合电话沟通规范（还可打 %1 次）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="249"/>
        <source>Outside the call policy:</source>
        <translation>不符合电话沟通规范：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="253"/>
        <source>This call may not be made or logged (hard rule, no override):</source>
        <translation>不能拨打或登记这次通话（硬性规定，不可破例）：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="271"/>
        <source>Write why this call was made anyway</source>
        <translation>请写明为什么仍然打了这通电话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="294"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="101"/>
        <source>ShopDesk — after-sales desk</source>
        <translation>店铺售后台 — ShopDesk</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="284"/>
        <source>The progress note you typed has not been added.</source>
        <translation>输入的进度备注还没有添加。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="287"/>
        <source>%1&apos;s shift has not been ended (no hand-off sheet yet).</source>
        <translation>%1 的班次还没有结束（还没有交接单）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="291"/>
        <source>%1 promise(s) to buyers are overdue.</source>
        <translation>有 %1 个对买家的承诺已逾期。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="305"/>
        <source>Reopen anyway?</source>
        <translation>仍要重新打开吗？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="307"/>
        <source>Quit ShopDesk</source>
        <translation>退出店铺售后台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="378"/>
        <source>No operator chosen: choose who is working in the toolbar</source>
        <translation>未选择操作员：请在工具栏中选择当前值班的人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="384"/>
        <source>Selected the {selected} cases loaded so far, of {listed}: select all loads at most {limit} more. Scroll down to load more, or narrow the filters.</source>
        <translation>已选中已加载的 {selected} 个案件（共 {listed} 个）：全选最多再加载 {limit} 个。向下滚动可加载更多，或缩小筛选范围。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="438"/>
        <source>The case no longer matches the filters; it is still shown here.</source>
        <translation>这个案件已不符合当前筛选条件，仍显示在右侧。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="495"/>
        <source>Saved. The SHOPDESK_LANG environment variable chooses the language right now; the saved one is used once it is unset.</source>
        <translation>已保存。当前界面语言由环境变量 SHOPDESK_LANG 指定；取消该变量后才会使用保存的语言。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="500"/>
        <source>The window has to be reopened to show the new language. Reopen it now? Your cases, filters and the open shift are kept.</source>
        <translation>需要重新打开窗口才能显示新语言。现在重新打开吗？案件、筛选条件和当前班次都会保留。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="507"/>
        <source>The new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="305"/>
        <source>Quit anyway?</source>
        <translation>仍然退出吗？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="375"/>
        <source>Operator: {name}</source>
        <translation>操作人：{name}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="494"/>
        <location filename="../../shopdesk/ui/main_window.py" line="499"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="513"/>
        <source>Automatic backup failed: {reason}. Back up by hand (File menu); details in the log (Help → Open log folder).</source>
        <translation>自动备份失败：{reason}。请通过“文件”菜单手动备份；详情见日志（帮助 → 打开日志文件夹）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="540"/>
        <source>About ShopDesk</source>
        <translation>关于 ShopDesk</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="541"/>
        <source>&lt;h3&gt;ShopDesk — after-sales desk&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;An after-sales register for small online shops. Your data stays on this computer.&lt;/p&gt;&lt;p&gt;Data folder: {path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ShopDesk 店铺售后台&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;小网店的售后登记簿。你的数据只保存在这台电脑上。&lt;/p&gt;&lt;p&gt;数据文件夹：{path}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindowChrome</name>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="43"/>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="45"/>
        <source>Log a new after-sales case (Ctrl+N)</source>
        <translation>登记一个新的售后案件（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="46"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="48"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="50"/>
        <source>Reload the list (F5)</source>
        <translation>重新加载列表（F5）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="51"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="53"/>
        <source>Move to &amp;trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="55"/>
        <source>Move the selected cases to the trash (Delete)</source>
        <translation>把选中的案件移到回收站（Delete）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="59"/>
        <source>Rest&amp;ore</source>
        <translation>恢复(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="61"/>
        <source>Bring the selected cases back</source>
        <translation>把选中的案件从回收站恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="62"/>
        <source>&amp;Empty trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="64"/>
        <source>Delete the cases in the trash for good</source>
        <translation>永久删除回收站中的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="66"/>
        <source>&amp;Staff…</source>
        <translation>员工管理(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="68"/>
        <source>&amp;Language…</source>
        <translation>界面语言(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="71"/>
        <source>&amp;Reminder settings…</source>
        <translation>提醒设置(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="73"/>
        <source>Minutes of notice before due times, quiet hours, when to remind about today&apos;s refunds, minimising to the tray</source>
        <translation>到期前提醒的分钟数、免打扰时段、今日待退款提醒时间、最小化到托盘</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="76"/>
        <source>Shi&amp;ft settings…</source>
        <translation>班次设置(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="78"/>
        <source>The offer to start a shift and the next shift&apos;s length</source>
        <translation>是否提示开班，以及下一班的时长</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="79"/>
        <source>S&amp;hop profile…</source>
        <translation>店铺资料(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="81"/>
        <source>Shop names, default platform and return addresses used in scripts</source>
        <translation>话术中使用的店铺名、默认平台和退货地址</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="83"/>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="85"/>
        <source>How to use ShopDesk (F1)</source>
        <translation>店铺售后台的使用方法（F1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="87"/>
        <source>&amp;About ShopDesk</source>
        <translation>关于 ShopDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="89"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="102"/>
        <source>Mark as &amp;major complaint…</source>
        <translation>标记为重大投诉(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="107"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="116"/>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="122"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="128"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="134"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="155"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="162"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="163"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="165"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="166"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="167"/>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="195"/>
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window_chrome.py" line="199"/>
        <source>Data folder: {path} (its drive refused SQLite&apos;s WAL journal; hover for details)</source>
        <translation>数据文件夹：{path}（所在磁盘不支持 SQLite 的 WAL 日志，鼠标移到这里看说明）</translation>
    </message>
</context>
<context>
    <name>MajorDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="40"/>
        <source>Major complaint — %1</source>
        <translation>重大投诉 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="45"/>
        <source>This case is a major complaint owned by %1. It comes first in every list and on the hand-off sheet.</source>
        <translation>此案件是重大投诉，负责人为 %1。它在所有列表和交接单中都排在最前。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="49"/>
        <source>Suggested by the warnings: %1. A major complaint comes first in every list, names an owner, and compensation above a staff member&apos;s limit needs the owner&apos;s approval.</source>
        <translation>预警提示：%1。重大投诉在所有列表中排在最前，需指定负责人；超出员工额度的赔付需负责人批准。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="55"/>
        <source>A major complaint comes first in every list, names an owner, and compensation above a staff member&apos;s limit needs the owner&apos;s approval.</source>
        <translation>重大投诉在所有列表中排在最前，需指定负责人；超出员工额度的赔付需负责人批准。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="66"/>
        <source>Why (shown on the timeline)</source>
        <translation>原因（显示在处理时间线上）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="69"/>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="70"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="72"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="74"/>
        <source>Change owner</source>
        <translation>更换负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="74"/>
        <source>Mark as major</source>
        <translation>标记为重大投诉</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="78"/>
        <source>No longer major</source>
        <translation>取消重大投诉</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="99"/>
        <source>Add the owner to the staff list first (Settings → Staff…).</source>
        <translation>请先把负责人添加到员工列表（设置 → 员工管理…）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/major_dialog.py" line="117"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
</context>
<context>
    <name>MayCallList</name>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="31"/>
        <source>Case no.</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="31"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="32"/>
        <source>Calls left</source>
        <translation>剩余可拨次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="64"/>
        <source>time zone not set</source>
        <translation>时区未设置</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="76"/>
        <source>Buyers you may call now: %1</source>
        <translation>现在可以联系的买家：%1 位</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="78"/>
        <source>Nobody may be called right now.</source>
        <translation>现在没有可以打电话的买家。</translation>
    </message>
</context>
<context>
    <name>NotNeededReasonCombo</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="329"/>
        <source>Buyer withdrew the request</source>
        <translation>买家已撤销申请</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="329"/>
        <source>Solved another way</source>
        <translation>已用其他方式解决</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="330"/>
        <source>The platform closed the case</source>
        <translation>平台已关闭该售后</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="332"/>
        <source>Why is it no longer needed?</source>
        <translation>为什么不再需要？</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/team.py" line="38"/>
        <source>Team register offline</source>
        <translation>团队登记簿连不上</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/team.py" line="39"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
</context>
<context>
    <name>OperatorPicker</name>
    <message>
        <location filename="../../shopdesk/ui/views/operator_picker.py" line="35"/>
        <source>Operator:</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/operator_picker.py" line="38"/>
        <source>Who is working now; recorded on every change</source>
        <translation>现在是谁在处理；每次修改都会记录</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/operator_picker.py" line="98"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
</context>
<context>
    <name>OverdueBanner</name>
    <message>
        <location filename="../../shopdesk/ui/views/overdue_banner.py" line="42"/>
        <source>Show them</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/overdue_banner.py" line="58"/>
        <source>%1 promises to buyers are overdue</source>
        <translation>有 %1 个对买家的承诺已逾期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/overdue_banner.py" line="59"/>
        <source>1 promise to a buyer is overdue</source>
        <translation>有 1 个对买家的承诺已逾期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/overdue_banner.py" line="61"/>
        <source>Click to list the cases with overdue promises</source>
        <translation>点击列出承诺已逾期的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/overdue_banner.py" line="76"/>
        <source>Oldest: %1 %2 · due %3</source>
        <translation>逾期最久：%1 %2 · 应于 %3</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="43"/>
        <source>Clear PIN — %1</source>
        <translation>清除 PIN 码 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="43"/>
        <source>Set PIN — %1</source>
        <translation>设置 PIN 码 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="55"/>
        <source>A 4-digit PIN is asked when %1 starts a shift, acknowledges a hand-off or becomes the operator.</source>
        <translation>%1 开始班次、确认接班或成为操作人时需输入 4 位 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="60"/>
        <source>Current PIN</source>
        <translation>当前 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="62"/>
        <source>Forgotten: reset it without the current PIN</source>
        <translation>忘记了：不用当前 PIN 码直接重置</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="67"/>
        <source>Why (kept in the audit trail with your name)</source>
        <translation>原因（会连同你的名字记入审计记录）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="72"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="74"/>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="75"/>
        <source>New PIN again</source>
        <translation>再次输入新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="79"/>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="91"/>
        <source>Clear PIN</source>
        <translation>清除 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="79"/>
        <source>Save PIN</source>
        <translation>保存 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="91"/>
        <source>Reset PIN</source>
        <translation>重置 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="110"/>
        <source>The two PINs differ</source>
        <translation>两次输入的 PIN 码不一致</translation>
    </message>
</context>
<context>
    <name>PlaceholderDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/placeholder_dialog.py" line="31"/>
        <source>Fill in the script</source>
        <translation>填写话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/placeholder_dialog.py" line="34"/>
        <source>The buyer must never see an empty {placeholder}. Fill in every value to copy the text.</source>
        <translation>不能让买家看到未填写的 {placeholder}。请填好每一项后再复制。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/placeholder_dialog.py" line="51"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="54"/>
        <source>Edit improvement plan</source>
        <translation>编辑改进计划</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="55"/>
        <source>New improvement plan</source>
        <translation>新建改进计划</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="70"/>
        <source>e.g. lid seal ring</source>
        <translation>例：杯盖密封圈</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="73"/>
        <source>Why it happens (required)</source>
        <translation>为什么会发生（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="77"/>
        <source>What to do right away (required)</source>
        <translation>马上要做的（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="81"/>
        <source>How to fix it for good</source>
        <translation>根治的办法</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="92"/>
        <source>Person or team in charge (e.g. warehouse, customer service)</source>
        <translation>负责人或部门（如 仓库、客服组）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="94"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="108"/>
        <source>No target</source>
        <translation>不设目标</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="134"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="135"/>
        <source>Subtype</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="136"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="137"/>
        <source>Short-term action</source>
        <translation>短期措施</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="138"/>
        <source>Long-term action</source>
        <translation>长期措施</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="139"/>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="140"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="144"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="145"/>
        <source>Target reduction</source>
        <translation>目标降幅</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="146"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="147"/>
        <source>Measured result</source>
        <translation>实测结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/plan_dialog.py" line="171"/>
        <source>Baseline %1 to %2; the actual reduction is measured over an equally long period after it</source>
        <translation>基期 %1 至 %2；之后同样长的一段时间里计算实际降幅</translation>
    </message>
</context>
<context>
    <name>PlansView</name>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="47"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="47"/>
        <source>Subtype</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="47"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="48"/>
        <source>Short-term action</source>
        <translation>短期措施</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="48"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="48"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="48"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="49"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="49"/>
        <source>Measured result</source>
        <translation>实测结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="65"/>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/plans_view.py" line="68"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="59"/>
        <source>= %1 h %2 min</source>
        <translation>= %1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="60"/>
        <source>= %1 h</source>
        <translation>= %1 小时</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="85"/>
        <source>Phone-call policy</source>
        <translation>电话沟通规范</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="95"/>
        <source>Use preset</source>
        <translation>使用预设</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="99"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="105"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="105"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="105"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="105"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="106"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="106"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="106"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="107"/>
        <source>Calling windows (buyer&apos;s local time)</source>
        <translation>允许通话时段（买家当地时间）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="113"/>
        <source>no calls</source>
        <translation>不打电话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="118"/>
        <source>e.g. 10:00-12:00, 14:00-18:00</source>
        <translation>例如 10:00-12:00, 14:00-18:00</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="119"/>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="143"/>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="144"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="137"/>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="140"/>
        <source>calls in any</source>
        <translation>通，任意</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="145"/>
        <source>Message the buyer in chat before calling</source>
        <translation>打电话前先在聊天窗口联系买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="146"/>
        <source>Require the pre-call checklist</source>
        <translation>必须先填写通话前准备清单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="149"/>
        <source>No new call in the last</source>
        <translation>时段结束前停止新拨打</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="150"/>
        <source>Quiet hours (never call)</source>
        <translation>免打扰时段（绝不打电话）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="151"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="152"/>
        <source>Blackout dates</source>
        <translation>禁止通话日期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="153"/>
        <source>Calls per buyer per day</source>
        <translation>每位买家每天最多通话次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="154"/>
        <source>Day counted as</source>
        <translation>“一天”的计算方式</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="155"/>
        <source>Calls per case</source>
        <translation>每个案件最多通话次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="156"/>
        <source>Calls per buyer over several days</source>
        <translation>每位买家多日内的通话上限</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="157"/>
        <source>Minimum gap between calls</source>
        <translation>两次通话的最短间隔</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="158"/>
        <source>Cool-down after talking</source>
        <translation>接通后的冷静期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="166"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="167"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="253"/>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="280"/>
        <source>Loosen the call policy?</source>
        <translation>放宽通话规范？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="254"/>
        <source>These changes allow calls that the safe preset does not:</source>
        <translation>这些改动允许了安全预设不允许的通话：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="259"/>
        <source>If a buyer reports the calls as harassment, the platform may penalise the shop for calls made under these rules (Taobao: a general violation, 12 points). The change is kept in the audit trail under your name.</source>
        <translation>如果买家投诉这些电话是骚扰，平台可能因按这些规则打出的电话处罚店铺（淘宝：一般类违规扣 12 分）。这次改动会以您的名字记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="263"/>
        <source>Loosen anyway</source>
        <translation>仍要放宽</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="265"/>
        <source>Keep the safe rules</source>
        <translation>保留安全规则</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="281"/>
        <source>PIN of %1 (4 digits):</source>
        <translation>%1 的 PIN 码（4 位数字）：</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="53"/>
        <source>new cases</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="54"/>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="55"/>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="56"/>
        <source>rows with errors</source>
        <translation>有错误的行</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="60"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="61"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="61"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="62"/>
        <source>What changes</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="76"/>
        <source>Rows with errors (%1)</source>
        <translation>有错误的行（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="78"/>
        <source>Updates to existing cases (%1)</source>
        <translation>将更新的案件（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="92"/>
        <source>Cell: %1</source>
        <translation>单元格：%1</translation>
    </message>
</context>
<context>
    <name>PromiseController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/promises.py" line="40"/>
        <source>New &amp;promise…</source>
        <translation>新建承诺(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/promises.py" line="42"/>
        <source>Record a promise made to the buyer of the selected case (Ctrl+Shift+N)</source>
        <translation>登记对所选案件买家作出的承诺（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/promises.py" line="95"/>
        <source>Select a case first</source>
        <translation>请先选择一个案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/promises.py" line="101"/>
        <source>This case is in the trash; restore it to record a promise</source>
        <translation>该案件在回收站中，恢复后才能登记承诺</translation>
    </message>
</context>
<context>
    <name>PromiseDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="56"/>
        <source>New promise — %1</source>
        <translation>新建承诺 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="66"/>
        <source>e.g. confirm the reship date</source>
        <translation>例如：确认补发日期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="79"/>
        <source>+1 hour</source>
        <translation>+1 小时</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="80"/>
        <source>Today 18:00</source>
        <translation>今天 18:00</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="81"/>
        <source>Tomorrow 12:00</source>
        <translation>明天 12:00</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="100"/>
        <source>Promised</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="101"/>
        <source>Details</source>
        <translation>具体内容</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="102"/>
        <source>Due (shop time)</source>
        <translation>到期时间（店铺时间）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="105"/>
        <source>Made by</source>
        <translation>承诺人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="111"/>
        <source>Save promise</source>
        <translation>保存承诺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="113"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="152"/>
        <source>Call policy</source>
        <translation>通话规范</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="157"/>
        <source>Use the earliest allowed time</source>
        <translation>使用最早可以打的时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="162"/>
        <source>Promise this time anyway</source>
        <translation>仍然承诺这个时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/promise_dialog.py" line="194"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
</context>
<context>
    <name>PromisesPanel</name>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="66"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="66"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="66"/>
        <source>Promise</source>
        <translation>承诺内容</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="67"/>
        <source>By</source>
        <translation>承诺人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="67"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="76"/>
        <source>New promise…</source>
        <translation>新建承诺…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="78"/>
        <source>Record a promise made to the buyer (Ctrl+Shift+N)</source>
        <translation>登记对买家作出的承诺（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="80"/>
        <source>Kept</source>
        <translation>已兑现</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="82"/>
        <source>The selected promise was kept (now)</source>
        <translation>把选中的承诺标记为已兑现（时间记为现在）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="83"/>
        <source>Not kept…</source>
        <translation>未兑现…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="85"/>
        <source>The selected promise was not kept; say why</source>
        <translation>选中的承诺没有兑现，需写明原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="87"/>
        <source>No longer needed…</source>
        <translation>不再需要…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="89"/>
        <source>The selected promise is no longer needed (e.g. the buyer withdrew); say why</source>
        <translation>所选承诺已不再需要（例如买家已撤销），请写明原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="113"/>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="194"/>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="152"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="155"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="159"/>
        <source>(late)</source>
        <translation>（逾期兑现）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="190"/>
        <source>Promises (%1 late)</source>
        <translation>承诺（%1 个逾期）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="192"/>
        <source>Promises (%1)</source>
        <translation>承诺（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="232"/>
        <source>Choose the operator (who is working now) first. Nothing was changed.</source>
        <translation>请先选择操作人（现在是谁在处理）。本次未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/promises_panel.py" line="307"/>
        <source>This promise no longer exists</source>
        <translation>该承诺已不存在</translation>
    </message>
</context>
<context>
    <name>RefundSpeedView</name>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="37"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="38"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="42"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="42"/>
        <source>Refunds</source>
        <translation>退款数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="42"/>
        <source>Median hours</source>
        <translation>中位数（小时）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="43"/>
        <source>90th percentile hours</source>
        <translation>90 分位（小时）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="51"/>
        <source>From the buyer&apos;s request (the platform&apos;s application time when imported, else when the case was logged) to the case resolved with a full or partial refund; cases refunded in the period.</source>
        <translation>从买家申请（导入的案件取平台的申请时间，否则取登记时间）到案件以全额或部分退款解决的时长；统计本时段内退款的案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="60"/>
        <source>Per:</source>
        <translation>按：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="86"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="100"/>
        <source>Follow-ups after resolution: none recorded in this period</source>
        <translation>结案后回访：本时段内没有记录</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/refund_speed_view.py" line="104"/>
        <source>Follow-ups after resolution: %1 — satisfied %2, problem again %3, no reply %4</source>
        <translation>结案后回访：%1 次 — 满意 %2，问题再次出现 %3，未回复 %4</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="94"/>
        <source>Open ShopDesk</source>
        <translation>打开店铺售后台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="97"/>
        <source>Refunds due today</source>
        <translation>今日待退款</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="100"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="166"/>
        <source>Refunds due today (%1)</source>
        <translation>今日待退款（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="169"/>
        <source>Reminders: %1</source>
        <translation>提醒：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="177"/>
        <source>Deadlines coming up: %1</source>
        <translation>即将到期的期限：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="178"/>
        <source>Overdue promises: %1</source>
        <translation>逾期承诺：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="180"/>
        <source>Open cases with warnings: %1</source>
        <translation>有预警的未结案件：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="181"/>
        <source>Refunds due today: %1</source>
        <translation>今日待退款：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="227"/>
        <source>ShopDesk is still running</source>
        <translation>店铺售后台仍在运行</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/reminders.py" line="228"/>
        <source>Reminders keep coming. Click the tray icon to open the window again; “Quit” is in its menu.</source>
        <translation>提醒会继续弹出。点托盘图标可再次打开窗口，“退出”在它的菜单里。</translation>
    </message>
</context>
<context>
    <name>ReminderSettingsPage</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="54"/>
        <source>Platform deadlines</source>
        <translation>平台期限</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="55"/>
        <source>Promises to buyers</source>
        <translation>对买家的承诺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="56"/>
        <source>Refunds due today</source>
        <translation>今日待退款</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="59"/>
        <source>Remind this many minutes before the due time:</source>
        <translation>到期前多少分钟提醒：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="68"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="74"/>
        <source>When to remind about refunds still open today (finish them before 24:00)</source>
        <translation>几点提醒今天还没处理完的退款（请在 24:00 前处理完）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="76"/>
        <source>Remind about today&apos;s refunds at</source>
        <translation>今日待退款提醒时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="78"/>
        <source>Quiet hours: no pop-ups from</source>
        <translation>免打扰时段：不弹提醒，从</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="86"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="96"/>
        <source>Minimise to the system tray when the window is closed (reminders keep coming)</source>
        <translation>关闭窗口时最小化到系统托盘（提醒继续弹出）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/reminder_settings.py" line="101"/>
        <source>Reminders held back during quiet hours are shown as one when they end. Reminders make no sound and follow the system&apos;s notification settings.</source>
        <translation>免打扰时段里暂不弹出的提醒，结束后合成一条显示。提醒没有声音，按系统的通知设置显示。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="48"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="51"/>
        <source>Choose a backup. The current register is backed up and kept next to it before it is replaced, so a restore can be undone.</source>
        <translation>请选择一个备份。替换之前会先给当前的登记簿做一份备份，并保留原来的文件，所以恢复之后还可以撤销。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="58"/>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="58"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="58"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="59"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="60"/>
        <source>Daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="60"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="61"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="66"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="76"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="88"/>
        <source>There are no backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="67"/>
        <source>Link to the review (or leave empty: the order number identifies it)</source>
        <translation>评价链接（可留空：订单号即可找到这条评价）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="79"/>
        <source>What the follow-up review says</source>
        <translation>追评内容</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="88"/>
        <source>Suggested reply</source>
        <translation>推荐回复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="90"/>
        <source>Fill in the public-reply script for this case</source>
        <translation>填入此案件的公开回复话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="92"/>
        <source>Posted now</source>
        <translation>标记已发布</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="94"/>
        <source>The reply above was posted on the platform now (it cannot be edited afterwards)</source>
        <translation>上面的回复已在平台发布（发布后不能修改）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="99"/>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="102"/>
        <source>Record what the buyer did; never ask for it</source>
        <translation>记录买家的做法；切勿要求买家修改评价</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="103"/>
        <source>Save review</source>
        <translation>保存评价</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="118"/>
        <source>About the problem only — never about the review</source>
        <translation>只谈问题本身——绝不提评价</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="120"/>
        <source>Record contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="129"/>
        <source>Stars:</source>
        <translation>星级：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="131"/>
        <source>Reviewed at:</source>
        <translation>评价时间：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="132"/>
        <source>Review:</source>
        <translation>评价内容：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="133"/>
        <source>Link:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="137"/>
        <source>Follow-up review:</source>
        <translation>追评：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="148"/>
        <source>Outcome:</source>
        <translation>评价结果：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="190"/>
        <source>Reply to the follow-up review:</source>
        <translation>回复追评：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="192"/>
        <source>Public reply:</source>
        <translation>公开回复：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="210"/>
        <source>Call logged on the case</source>
        <translation>案件上登记的通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="217"/>
        <source>Contacts with the buyer: %1 of %2</source>
        <translation>已联系买家：%1/%2 次</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="221"/>
        <source>A bad review allows at most %1 follow-up contacts with the buyer. Counted: the contacts recorded here and every call logged on this case (Log call), answered or not — they reach the same buyer.</source>
        <translation>差评跟进最多联系买家 %1 次。计入：这里记录的联系，以及本案件上登记的每一次通话（“登记通话”），无论是否接通——联系的都是同一位买家。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="240"/>
        <source>Reply posted %1</source>
        <translation>回复已于 %1 发布</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="243"/>
        <source>Reply to the follow-up review posted %1</source>
        <translation>追评回复已于 %1 发布</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="252"/>
        <source>Reply window: not known for this platform</source>
        <translation>回复期限：该平台未知</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="262"/>
        <source>Enter the review date to start the reply countdown (%1 days)</source>
        <translation>填写评价时间后开始回复倒计时（%1 天）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="269"/>
        <source>about </source>
        <translation>约</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="270"/>
        <source>Reply to the follow-up review by %1</source>
        <translation>请在 %1 前回复追评</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="271"/>
        <source>Reply to the review by %1</source>
        <translation>请在 %1 前回复评价</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="274"/>
        <source>%1%2 d %3 h left</source>
        <translation>剩%1%2天%3小时</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="288"/>
        <source>The review-reply script is missing from the library</source>
        <translation>话术库中缺少评价回复话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="320"/>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="352"/>
        <source>Choose the operator first (toolbar, right)</source>
        <translation>请先选择操作人（工具栏右侧）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/review_panel.py" line="341"/>
        <source>Write the reply first</source>
        <translation>请先填写回复</translation>
    </message>
</context>
<context>
    <name>ScriptController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/scripts.py" line="26"/>
        <source>Reply-&amp;script library…</source>
        <translation>话术库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/scripts.py" line="43"/>
        <source>Reply-script library</source>
        <translation>话术库</translation>
    </message>
</context>
<context>
    <name>ScriptEditDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="74"/>
        <source>New script</source>
        <translation>新建话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="77"/>
        <source>Edit script — %1</source>
        <translation>编辑话术 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="87"/>
        <source>An existing script keeps its id.</source>
        <translation>已有话术的编号不能修改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="98"/>
        <source>English (optional)</source>
        <translation>英文（可不填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="99"/>
        <source>Left empty, the English window shows the Chinese text.</source>
        <translation>不填时，英文界面显示中文内容。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="101"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="102"/>
        <source>Tone</source>
        <translation>语气</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="103"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="104"/>
        <source>Facts (one per line)</source>
        <translation>事实（每行一条）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="118"/>
        <source>Only for a text with {事实}</source>
        <translation>只在正文含 {事实} 时填写</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="132"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="133"/>
        <source>Step</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="134"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="135"/>
        <source>Audience</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="136"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="138"/>
        <source>Case kinds (none = any)</source>
        <translation>售后类型（不选 = 全部）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="139"/>
        <source>Causes (none = any)</source>
        <translation>原因（不选 = 全部）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="140"/>
        <source>Customer types</source>
        <translation>客户类型</translation>
    </message>
</context>
<context>
    <name>ScriptLibraryView</name>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="66"/>
        <source>shipped</source>
        <translation>自带</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="66"/>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="67"/>
        <source>shop&apos;s own</source>
        <translation>本店自建</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="71"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="72"/>
        <source>All steps</source>
        <translation>全部步骤</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="73"/>
        <source>All causes</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="75"/>
        <source>Search title and text</source>
        <translation>搜索标题和正文</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="77"/>
        <source>Favourites</source>
        <translation>只看收藏</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="92"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="92"/>
        <source>Step</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="93"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="93"/>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="112"/>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="113"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="114"/>
        <source>Reset to shipped</source>
        <translation>恢复自带版本</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="115"/>
        <source>New script…</source>
        <translation>新建话术…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="116"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="117"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="118"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="161"/>
        <source>%1 stored script(s) could not be read and were skipped.</source>
        <translation>有 %1 条已保存的话术无法读取，已跳过。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="193"/>
        <source>Facts to tick for the case:</source>
        <translation>案件需勾选的事实：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="206"/>
        <source>Scripts</source>
        <translation>话术库</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="207"/>
        <source>Choose the operator (who is working now) first — every change records who made it. Nothing was changed.</source>
        <translation>请先选择操作人（现在是谁在处理）——每次修改都会记录操作人。本次未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="249"/>
        <source>Reset script</source>
        <translation>恢复话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="250"/>
        <source>Drop the shop&apos;s changes to this script and use the shipped text again?</source>
        <translation>放弃本店对这条话术的修改，改回自带的文本？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="259"/>
        <source>Delete script</source>
        <translation>删除话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="260"/>
        <source>Delete the shop&apos;s script %1?</source>
        <translation>删除本店的话术 %1？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="268"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="277"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="279"/>
        <source>Export scripts</source>
        <translation>导出话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="270"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="288"/>
        <source>Scripts (*.toml *.csv)</source>
        <translation>话术文件 (*.toml *.csv)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="280"/>
        <source>Exported %1 script(s).</source>
        <translation>已导出 %1 条话术。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="286"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="295"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="300"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="303"/>
        <source>Import scripts</source>
        <translation>导入话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="296"/>
        <source>Nothing was imported:</source>
        <translation>没有导入任何内容：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="304"/>
        <source>Added %1, updated %2, edited shipped %3.</source>
        <translation>新增 %1 条，更新 %2 条，修改自带话术 %3 条。</translation>
    </message>
</context>
<context>
    <name>ScriptsPanel</name>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="73"/>
        <source>Handling steps</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="103"/>
        <source>Scripts for step:</source>
        <translation>该步骤的话术：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="109"/>
        <source>Suggested scripts</source>
        <translation>推荐话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="115"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="119"/>
        <source>Fill in…</source>
        <translation>填写…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="121"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="123"/>
        <source>Copy the reply to the clipboard (Ctrl+Shift+C)</source>
        <translation>把回复复制到剪贴板（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="137"/>
        <source>Write only what you checked for this case:</source>
        <translation>只写你为此案件核实过的内容：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="158"/>
        <source>Open a case to see its handling steps and reply scripts.</source>
        <translation>打开一个案件即可查看它的处理步骤和回复话术。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="207"/>
        <source>Handling steps (%1/%2)</source>
        <translation>处理步骤（%1/%2）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="314"/>
        <source>To fill in: %1</source>
        <translation>待填写：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="325"/>
        <source>Tick the facts you checked for this case first: a statement to the platform says only what is true.</source>
        <translation>请先勾选你为此案件核实过的事实：向平台提交的陈述只能写真实情况。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="335"/>
        <source>Copied — paste it into the chat.</source>
        <translation>已复制，请粘贴到聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="368"/>
        <source>Choose the operator (who is working now) first — every change records who made it. Nothing was changed.</source>
        <translation>请先选择操作人（现在是谁在处理）——每次修改都会记录操作人。本次未做任何修改。</translation>
    </message>
</context>
<context>
    <name>ScriptsTab</name>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_tab.py" line="86"/>
        <source>The reply-script library could not be loaded:
%1</source>
        <translation>话术库无法加载：
%1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="59"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="63"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="64"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="66"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="68"/>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="242"/>
        <source>Shop profile</source>
        <translation>店铺资料</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="70"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="72"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="74"/>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="76"/>
        <source>Limits</source>
        <translation>额度</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="79"/>
        <source>Team mode</source>
        <translation>团队模式</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="102"/>
        <source>Name, e.g. 小王</source>
        <translation>姓名，例如 小王</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="104"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="106"/>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="188"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="109"/>
        <source>Hide from the operator list; their name stays on past changes</source>
        <translation>从操作人列表中隐藏；以前的修改记录仍保留其姓名</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="110"/>
        <source>Set PIN…</source>
        <translation>设置 PIN 码…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="112"/>
        <source>A 4-digit PIN asked when this person starts a shift, acknowledges a hand-off or becomes the operator</source>
        <translation>此人开始班次、确认接班或成为操作人时需输入的 4 位 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="115"/>
        <source>Clear PIN…</source>
        <translation>清除 PIN 码…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="128"/>
        <source>People who work on this register:</source>
        <translation>使用这个登记簿的人员：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="143"/>
        <source>  (PIN)</source>
        <translation>（已设 PIN 码）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="176"/>
        <source>Cannot add</source>
        <translation>无法添加</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="189"/>
        <source>Remove {name} from the operator list? Their past changes keep their name.</source>
        <translation>把 {name} 从操作人列表中移除？以前的修改记录仍保留其姓名。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="207"/>
        <source>On OK the window offers to reopen in the new language.</source>
        <translation>点“确定”后，窗口会询问是否以新语言重新打开。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="210"/>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="213"/>
        <source>Right now the SHOPDESK_LANG environment variable chooses the language, and it wins over this setting.</source>
        <translation>当前界面语言由环境变量 SHOPDESK_LANG 指定，它优先于这里的设置。</translation>
    </message>
</context>
<context>
    <name>ShiftController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="40"/>
        <source>&amp;Start shift…</source>
        <translation>开始班次(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="41"/>
        <source>Sign in and start your shift (Ctrl+Shift+B)</source>
        <translation>签到并开始你的班次（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="43"/>
        <source>&amp;End shift and hand over…</source>
        <translation>结束班次并交接(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="45"/>
        <source>End the shift and produce the hand-off sheet (Ctrl+Shift+E)</source>
        <translation>结束班次并生成交接单（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="47"/>
        <source>Hand-off &amp;history…</source>
        <translation>交接记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="49"/>
        <source>Past hand-offs; acknowledge one (Ctrl+Shift+H)</source>
        <translation>查看以往的交接，确认接班（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="51"/>
        <source>Shif&amp;t</source>
        <translation>班次(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="73"/>
        <source>%1 has a PIN: choose yourself as the operator and enter it</source>
        <translation>%1 设有 PIN 码：请在“操作人”中选择自己并输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="83"/>
        <source>Nobody on shift</source>
        <translation>无人当班</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="86"/>
        <source>On shift: %1 since %2</source>
        <translation>当班：%1（%2 起）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="103"/>
        <source>Shift started</source>
        <translation>班次已开始</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="111"/>
        <source>Choose the operator first</source>
        <translation>请先选择操作人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="131"/>
        <source>Hand-off history</source>
        <translation>交接记录</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="156"/>
        <source>Operator PIN</source>
        <translation>操作人 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/shifts.py" line="157"/>
        <source>PIN of %1 (4 digits):</source>
        <translation>%1 的 PIN 码（4 位数字）：</translation>
    </message>
</context>
<context>
    <name>ShiftOffer</name>
    <message>
        <location filename="../../shopdesk/ui/shift_offer.py" line="91"/>
        <source>Nobody on shift</source>
        <translation>无人当班</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/shift_offer.py" line="92"/>
        <source>Nobody is on shift. Start a shift for %1 now?</source>
        <translation>当前无人当班。现在为 %1 开始班次吗？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/shift_offer.py" line="95"/>
        <source>The hand-off sheet lists work done while nobody is on shift in a section of its own. Starting a shift makes the work from now on part of it.</source>
        <translation>交接记录会把无人当班期间的操作单独列为一节。开始班次后，此后的操作都算作本班。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/shift_offer.py" line="97"/>
        <location filename="../../shopdesk/ui/shift_offer.py" line="139"/>
        <source>Start shift</source>
        <translation>开始班次</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/shift_offer.py" line="100"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/shift_offer.py" line="105"/>
        <source>Don&apos;t offer this again (Settings → Shift settings… turns it back on)</source>
        <translation>不再提示（可在 设置 → 班次设置… 中重新开启）</translation>
    </message>
</context>
<context>
    <name>ShiftSettingsPage</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="135"/>
        <source>Offer to start a shift when a case is changed while nobody is on shift</source>
        <translation>无人当班时修改案件，提示开始班次</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="144"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="146"/>
        <source>The hand-off sheet lists the promises due during the next shift. A solo seller ending the day can set it to the hours until tomorrow&apos;s work (e.g. 14).</source>
        <translation>交接单会列出下一班内到期的承诺。一个人经营的店铺在收工时，可以把它设为到明天开工还有几个小时（例如 14）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="151"/>
        <source>Next shift length:</source>
        <translation>下一班时长：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_settings.py" line="165"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
</context>
<context>
    <name>ShiftStartDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_start_dialog.py" line="50"/>
        <location filename="../../shopdesk/ui/dialogs/shift_start_dialog.py" line="72"/>
        <source>Start shift</source>
        <translation>开始班次</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_start_dialog.py" line="66"/>
        <source>Who starts</source>
        <translation>当班人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_start_dialog.py" line="67"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_start_dialog.py" line="73"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_start_dialog.py" line="87"/>
        <source>Starting a shift makes you the operator; ending it produces the hand-off sheet.</source>
        <translation>开始班次后你就是操作人；结束班次时会生成交接单。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_start_dialog.py" line="90"/>
        <source>%1 is on shift since %2.</source>
        <translation>%1 自 %2 起当班。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_start_dialog.py" line="96"/>
        <source>4 digits</source>
        <translation>4 位数字</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shift_start_dialog.py" line="96"/>
        <source>no PIN set</source>
        <translation>未设置 PIN 码</translation>
    </message>
</context>
<context>
    <name>ShopProfilePage</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="35"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="40"/>
        <source>Add shop</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="42"/>
        <source>Remove shop</source>
        <translation>删除店铺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="48"/>
        <source>As the platform shows it, e.g. 暖暖家居旗舰店</source>
        <translation>与平台上显示的一致，例如 暖暖家居旗舰店</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="52"/>
        <source>One return address a line: address, recipient, phone</source>
        <translation>每行一个退货地址：地址、收件人、电话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="59"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="60"/>
        <source>Shop name:</source>
        <translation>店铺名：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="61"/>
        <source>Return addresses:</source>
        <translation>退货地址：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="62"/>
        <source>Default address:</source>
        <translation>默认地址：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="70"/>
        <source>Default platform for new cases:</source>
        <translation>新案件的默认平台：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/shop_profile_page.py" line="71"/>
        <source>Fills {店铺} and {退货地址} in the reply scripts.</source>
        <translation>用于填写回复话术中的 {店铺} 和 {退货地址}。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../shopdesk/ui/startup_texts.py" line="9"/>
        <source>The register is already open in another window.</source>
        <translation>登记簿已在另一个窗口中打开</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/startup_texts.py" line="14"/>
        <source>Cannot open the register</source>
        <translation>无法打开登记簿</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/startup_texts.py" line="18"/>
        <source>Cannot create the data folder {path}:
{error}</source>
        <translation>无法创建数据文件夹 {path}：
{error}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/startup_texts.py" line="24"/>
        <source>Something went wrong:
{error}

Every change you saved before this is safe in the register.</source>
        <translation>出错了：
{error}

在此之前保存的修改都已安全地保存在登记簿中。</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="50"/>
        <source>Change status — %1</source>
        <translation>更改状态 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="64"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="83"/>
        <source>Owner&apos;s 4-digit PIN</source>
        <translation>负责人的 4 位 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="84"/>
        <source>Owner&apos;s PIN</source>
        <translation>负责人 PIN 码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="94"/>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="95"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="96"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="109"/>
        <source>Keep them open (still reminded)</source>
        <translation>保持待兑现（继续提醒）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="111"/>
        <source>Mark them kept</source>
        <translation>标记为已兑现</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="113"/>
        <source>Mark them no longer needed</source>
        <translation>标记为不再需要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="121"/>
        <source>Why no longer needed (required)</source>
        <translation>不再需要的原因（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="172"/>
        <source>— choose again —</source>
        <translation>— 请重新选择 —</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="180"/>
        <source>Open promises on this case (%1)</source>
        <translation>本案件的待兑现承诺（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="145"/>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="146"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="208"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="209"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="232"/>
        <source>Amount (required)</source>
        <translation>金额（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="233"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="251"/>
        <source>Choose the new status: the case moved since you chose</source>
        <translation>请重新选择新状态：您选择之后案件已被改动</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="261"/>
        <source>Not a valid amount (e.g. 12.50)</source>
        <translation>金额格式不正确（例如 12.50）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="269"/>
        <source>Say why the promises are no longer needed</source>
        <translation>请写明这些承诺为什么不再需要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="306"/>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="330"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="337"/>
        <source>The status you chose cannot follow the status now shown: choose again.</source>
        <translation>您选的状态不能接在现在的状态之后：请重新选择。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="339"/>
        <source>Your choice is kept: check the status now shown, then press the button again.</source>
        <translation>您的选择还在：请看现在的状态，再点更改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="349"/>
        <source>Major complaint: %1 above your limit of %2 needs the approval of its owner, %3. Ask them to confirm here, then press the button again.</source>
        <translation>重大投诉：%1 超出你的额度 %2，需要负责人 %3 批准。请负责人在此确认后，再按一次按钮。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="357"/>
        <source>Approved by %1 — change status</source>
        <translation>%1 已批准 — 更改状态</translation>
    </message>
</context>
<context>
    <name>SummaryController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/summary.py" line="28"/>
        <source>Print &amp;dispute summary…</source>
        <translation>打印争议摘要(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/summary.py" line="30"/>
        <source>Print or save the dispute summary of the selected cases (Ctrl+P)</source>
        <translation>打印或保存所选案件的争议摘要（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/summary.py" line="61"/>
        <source>Select a case first</source>
        <translation>请先选择一个案件</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="131"/>
        <source>Dispute summary</source>
        <translation>争议摘要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="135"/>
        <source>%1 cases</source>
        <translation>%1 个案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="156"/>
        <source>Reset to the case&apos;s data</source>
        <translation>按案件数据重新生成</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="157"/>
        <source>Replace the statement with one composed from the case (description, amounts, calls, promises, evidence, outcome)</source>
        <translation>用案件数据（问题描述、金额、通话、承诺、证据、处理结果）重新生成事实陈述，替换当前内容</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="178"/>
        <source>Print full phone numbers, names and addresses (recorded in the audit trail)</source>
        <translation>打印完整的手机号、姓名和地址（会记入审计记录）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="183"/>
        <source>For the platform (appeal): leave out the shop&apos;s own warnings, approvals, handling steps and assessments</source>
        <translation>平台申诉版：不打印店内预警、审批、处理步骤和内部判断</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="189"/>
        <source>Chinese document</source>
        <translation>中文文档</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="190"/>
        <source>English document</source>
        <translation>英文文档</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="195"/>
        <source>English suggested: AliExpress&apos;s staff read English</source>
        <translation>建议使用英文：速卖通平台人员阅读英文</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="208"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="210"/>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="212"/>
        <source>&amp;Open PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="214"/>
        <source>Write the PDF to a temporary folder and open it in the PDF viewer</source>
        <translation>把 PDF 写到临时文件夹，并用 PDF 阅读器打开</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="216"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="253"/>
        <source>Statement of facts for %1 — edit it before printing; it is kept for the next printing.</source>
        <translation>%1 的事实陈述 — 打印前可以修改，修改后的内容会保留到下次打印。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="256"/>
        <source>Statement of facts for %1 — the case is in the trash: an edit prints, but is not kept.</source>
        <translation>%1 的事实陈述——该案件在回收站中：修改会打印出来，但不会保存。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="259"/>
        <source>(edited by %1)</source>
        <translation>（%1 修改过）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="305"/>
        <source>Choose the operator (who is working now) first — the summary names who printed it.</source>
        <translation>请先选择操作人（现在是谁在处理）——摘要上会写明打印人。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="318"/>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="383"/>
        <source>The summary could not be written: %1</source>
        <translation>无法生成摘要：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="333"/>
        <source>Preparing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="340"/>
        <source>Working… %1 of %2</source>
        <translation>正在处理… %1/%2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="361"/>
        <source>Sent %1 pages to the printer</source>
        <translation>已向打印机发送 %1 页</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="367"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="369"/>
        <source>No PDF viewer could open %1</source>
        <translation>没有 PDF 阅读器能打开 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="371"/>
        <source>Saved %1 (%2 pages)</source>
        <translation>已保存 %1（共 %2 页）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="381"/>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="388"/>
        <source>%1 is open in another program (a PDF viewer?) or read-only. Close it there, or save under another name.</source>
        <translation>%1 正被其他程序（PDF 阅读器？）打开或为只读。请先在那里关闭，或另存为其他文件名。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="401"/>
        <source>Save dispute summary</source>
        <translation>保存争议摘要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="402"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/summary_dialog.py" line="429"/>
        <source>Print dispute summary</source>
        <translation>打印争议摘要</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/team.py" line="64"/>
        <source>&amp;Team mode…</source>
        <translation>团队模式(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/team.py" line="66"/>
        <source>Share one register with the team&apos;s PCs on a PostgreSQL server</source>
        <translation>在 PostgreSQL 服务器上与团队的电脑共用一个登记簿</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/team.py" line="84"/>
        <source>Cannot reach the team register&apos;s server ({error}). Nothing was saved; what you typed is kept.</source>
        <translation>无法连接团队登记簿服务器（{error}）。没有保存任何内容；您输入的内容仍在。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/team.py" line="123"/>
        <source>Reconnected to the team register</source>
        <translation>已重新连上团队登记簿</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/team.py" line="130"/>
        <location filename="../../shopdesk/ui/controllers/team.py" line="142"/>
        <source>Team mode</source>
        <translation>团队模式</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/controllers/team.py" line="131"/>
        <source>This PC is now set up for the other register. This window still shows the old one; the other opens when ShopDesk starts again.</source>
        <translation>本机已改用另一个登记簿。此窗口仍显示原来的登记簿，再次启动 ShopDesk 时才会打开新的登记簿。</translation>
    </message>
</context>
<context>
    <name>TeamSettingsPage</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="61"/>
        <source>e.g. 192.168.1.20 or db.example.com</source>
        <translation>例如 192.168.1.20 或 db.example.com</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="75"/>
        <source>require: always encrypted; verify-ca / verify-full: also check the server&apos;s certificate against the root certificate below; prefer: encrypted when the server offers it</source>
        <translation>require：始终加密；verify-ca / verify-full：还要用下面的根证书核对服务器的证书；prefer：服务器支持时加密</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="79"/>
        <source>only for verify-ca / verify-full</source>
        <translation>仅用于 verify-ca / verify-full</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="80"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="87"/>
        <source>Create the team register from this one…</source>
        <translation>从本机登记簿建立团队登记簿…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="89"/>
        <source>For the shop owner, once: copies every case, note, call, script and piece of evidence of this PC&apos;s register to the server. The local file is kept as it is.</source>
        <translation>由店主做一次：把本机登记簿的全部案件、备注、通话、话术和证据复制到服务器。本机文件保持不变。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="93"/>
        <source>Connect this PC</source>
        <translation>连接这台电脑</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="95"/>
        <source>Use the local register again…</source>
        <translation>重新使用本机登记簿…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="115"/>
        <source>The password is kept in this PC&apos;s keyring (Windows Credential Manager, macOS Keychain), never in the settings file.</source>
        <translation>密码保存在这台电脑的钥匙串（Windows 凭据管理器、macOS 钥匙串）里，绝不写进设置文件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="120"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="121"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="122"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="123"/>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="124"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="125"/>
        <source>TLS mode:</source>
        <translation>加密方式（TLS）：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="126"/>
        <source>Root certificate:</source>
        <translation>根证书：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="151"/>
        <source>This PC uses its local register:
{path}</source>
        <translation>这台电脑使用本机登记簿：
{path}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="155"/>
        <source>This PC uses the team register on {where} as user {user} (TLS mode {tls}).</source>
        <translation>这台电脑以用户 {user} 使用 {where} 上的团队登记簿（加密方式 {tls}）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="166"/>
        <source>kept in the keyring</source>
        <translation>已保存在钥匙串中</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="167"/>
        <source>none saved on this PC</source>
        <translation>本机未保存密码</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="172"/>
        <source>Root certificate</source>
        <translation>根证书</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="173"/>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="193"/>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="213"/>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="281"/>
        <source>Team mode</source>
        <translation>团队模式</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="194"/>
        <source>Create the team register on {where} and copy this PC&apos;s register into it? The local file is kept as it is, as a backup. This can take minutes for a large register.</source>
        <translation>在 {where} 建立团队登记簿，并把本机登记簿复制进去？本机文件保持不变，作为备份。登记簿较大时可能需要几分钟。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="214"/>
        <source>Use this PC&apos;s local register again? It holds what it held before the team register was set up; the team register stays on the server for the others.</source>
        <translation>让这台电脑重新使用本机登记簿？它只包含建立团队登记簿之前的内容；团队登记簿仍留在服务器上供其他人使用。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="222"/>
        <source>This PC uses its local register again:
{path}</source>
        <translation>这台电脑重新使用本机登记簿：
{path}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="234"/>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="245"/>
        <source>Copying {table}: {rows} rows…</source>
        <translation>正在复制 {table}：{rows} 行…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="263"/>
        <source>The team register was created on {where}: {total} rows copied, every table counted and checksummed ({counts}); {files} evidence files uploaded. The local file is kept as it was.</source>
        <translation>已在 {where} 建立团队登记簿：复制 {total} 行，每张表的行数和校验和一致（{counts}）；上传证据文件 {files} 个。本机文件保留未动。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="267"/>
        <source>the register was empty</source>
        <translation>登记簿是空的</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="270"/>
        <source>encrypted (TLS)</source>
        <translation>已加密（TLS）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="270"/>
        <source>not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="271"/>
        <source>This PC now uses the team register on {where} ({cases} cases, {tls}).</source>
        <translation>这台电脑现在使用 {where} 上的团队登记簿（{cases} 个案件，{tls}）。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/team_settings.py" line="282"/>
        <source>The window now reopens on it.</source>
        <translation>窗口将重新打开并使用它。</translation>
    </message>
</context>
<context>
    <name>ToolWindow</name>
    <message>
        <location filename="../../shopdesk/ui/controllers/host.py" line="137"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>WarningBadge</name>
    <message>
        <location filename="../../shopdesk/ui/views/warning_badge.py" line="75"/>
        <source>What was done (e.g. called the buyer, told the owner)</source>
        <translation>采取了什么措施（如已致电买家、已报店长）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/warning_badge.py" line="77"/>
        <source>Acknowledge</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/warning_badge.py" line="79"/>
        <source>Record that you saw the warnings and what was done; a new trigger raises them again</source>
        <translation>记录已看到预警及采取的措施；有新的触发时会再次预警</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/warning_badge.py" line="111"/>
        <source>⚠ … and %1 more (point here to see all)</source>
        <translation>⚠ ……另有 %1 条（鼠标指向此处查看全部）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/warning_badge.py" line="126"/>
        <source>One of %3 similar cases (same item and cause, %1 days): %2</source>
        <translation>同类售后共 %3 单（同商品同原因，%1天内）：%2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/warning_badge.py" line="152"/>
        <source>Choose the operator first: the acknowledgement records who saw the warning.</source>
        <translation>请先选择操作人：确认预警会记录是谁看到了预警。</translation>
    </message>
</context>
<context>
    <name>WaybillDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/waybill_dialog.py" line="37"/>
        <source>Add waybill number</source>
        <translation>添加运单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/waybill_dialog.py" line="42"/>
        <source>e.g. 顺丰速运</source>
        <translation>例如：顺丰速运</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/waybill_dialog.py" line="44"/>
        <source>e.g. SF1234567890123</source>
        <translation>例如：SF1234567890123</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/waybill_dialog.py" line="46"/>
        <source>optional, e.g. return parcel</source>
        <translation>选填，例如：退货包裹</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/waybill_dialog.py" line="50"/>
        <source>Carrier:</source>
        <translation>快递公司：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/waybill_dialog.py" line="51"/>
        <source>Waybill no.:</source>
        <translation>运单号：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/waybill_dialog.py" line="52"/>
        <source>Caption:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/waybill_dialog.py" line="57"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/waybill_dialog.py" line="59"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
