<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="32"/>
        <source>Audit trail — %1</source>
        <translation>审计记录 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="35"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="35"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="35"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="35"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="36"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="36"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/audit_dialog.py" line="61"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BuyerCallDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="38"/>
        <source>Buyer call settings</source>
        <translation>买家来电设置</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="42"/>
        <source>Shop&apos;s time zone (%1)</source>
        <translation>店铺时区（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="51"/>
        <source>Do not call this buyer</source>
        <translation>不要给这位买家打电话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/buyer_call_dialog.py" line="58"/>
        <source>Buyer&apos;s time zone</source>
        <translation>买家时区</translation>
    </message>
</context>
<context>
    <name>CallComplianceView</name>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="44"/>
        <source>Last %1 days</source>
        <translation>最近 %1 天</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="49"/>
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="53"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="56"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="59"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="53"/>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="53"/>
        <source>Talked</source>
        <translation>接通次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="54"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="63"/>
        <source>Overrides</source>
        <translation>破例通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="54"/>
        <source>Outside window</source>
        <translation>时段外</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="55"/>
        <source>Do not call</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="56"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="56"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="58"/>
        <source>Case no.</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="57"/>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="59"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="57"/>
        <source>Rules overridden</source>
        <translation>被破例的规则</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="57"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="58"/>
        <source>Buyer&apos;s local time</source>
        <translation>买家当地时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="59"/>
        <source>Outcome</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="62"/>
        <source>Attempts per buyer</source>
        <translation>每位买家的拨打次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="64"/>
        <source>Calls outside the calling window</source>
        <translation>允许时段之外的通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="74"/>
        <source>%1 calls, %2 overrides, %3 outside the window</source>
        <translation>共 %1 次通话，%2 次破例，%3 次在允许时段之外</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/call_compliance.py" line="82"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>CallIndicator</name>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="95"/>
        <source>Log call</source>
        <translation>登记通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="96"/>
        <source>Record a phone call with this buyer</source>
        <translation>登记一次与该买家的电话沟通</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="102"/>
        <source>Buyer…</source>
        <translation>买家…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="103"/>
        <source>The buyer&apos;s time zone and do-not-call flag</source>
        <translation>买家的时区和“勿打电话”标记</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="121"/>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="127"/>
        <source>No case selected</source>
        <translation>未选择案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="130"/>
        <source>No phone number on this case</source>
        <translation>该案件没有手机号</translation>
    </message>
</context>
<context>
    <name>CallTexts</name>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="35"/>
        <source>in %1 d %2 h</source>
        <translation>%1 天 %2 小时后</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="37"/>
        <source>in %1 h %2 min</source>
        <translation>%1 小时 %2 分钟后</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="38"/>
        <source>in %1 min</source>
        <translation>%1 分钟后</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="49"/>
        <source>May call now (%1 left)</source>
        <translation>现在可以打电话（还可打 %1 次）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="51"/>
        <source>fill in the pre-call checklist first</source>
        <translation>请先填写通话前准备清单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="56"/>
        <source>Cannot call: %1</source>
        <translation>不能打电话：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="60"/>
        <source>Cannot call now: %1 — next possible: %2 (%3)</source>
        <translation>现在不能打电话：%1 — 最早可在 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/widgets/call_indicator.py" line="69"/>
        <source>Buyer&apos;s local time: %1</source>
        <translation>买家当地时间：%1</translation>
    </message>
</context>
<context>
    <name>CaseCommands</name>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="32"/>
        <source>That case no longer exists.</source>
        <translation>该案件已不存在。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="35"/>
        <source>ShopDesk</source>
        <translation>ShopDesk</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="40"/>
        <source>Choose the operator</source>
        <translation>请选择操作人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="41"/>
        <source>First choose who you are in the toolbar (Operator).</source>
        <translation>请先在工具栏的“操作人”中选择你是谁。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="52"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="53"/>
        <source>The case form is not available in this build.</source>
        <translation>此版本中没有案件表单。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="65"/>
        <source>Case saved; the current filters hide it.</source>
        <translation>案件已保存；当前筛选条件下不显示它。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="76"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="77"/>
        <source>Move {count} selected case(s) to the trash? You can restore them from the trash later.</source>
        <translation>把选中的 {count} 个案件移到回收站？之后可以从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="88"/>
        <source>{count} case(s) moved to the trash.</source>
        <translation>已把 {count} 个案件移到回收站。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="104"/>
        <source>{count} case(s) restored.</source>
        <translation>已恢复 {count} 个案件。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="114"/>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="115"/>
        <source>Delete the {count} case(s) in the trash for good? This cannot be undone.</source>
        <translation>永久删除回收站中的 {count} 个案件？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/case_commands.py" line="128"/>
        <source>{count} case(s) deleted for good.</source>
        <translation>已永久删除 {count} 个案件。</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="64"/>
        <source>No case selected.
Pick a case in the list to see it here.</source>
        <translation>未选择案件。
在左侧列表中选择一个案件即可在此查看。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="84"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="85"/>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="86"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="87"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="88"/>
        <source>Move this case to the trash</source>
        <translation>把这个案件移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="118"/>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="138"/>
        <source>Timeline</source>
        <translation>处理时间线</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="119"/>
        <source>Reply scripts</source>
        <translation>回复话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="148"/>
        <source>Progress note… (Ctrl+Enter adds it)</source>
        <translation>进度备注…（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="150"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="169"/>
        <source>The reply-script library could not be loaded:
%1</source>
        <translation>话术库无法加载：
%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="262"/>
        <source>Choose the operator (who is working now) first — every change records who made it. Nothing was changed.</source>
        <translation>请先选择操作人（现在是谁在处理）——每次修改都会记录操作人。本次未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="334"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="335"/>
        <source>Move case %1 to the trash?
You can restore it from the trash later.</source>
        <translation>把案件 %1 移到回收站？
之后可以从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail.py" line="352"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
</context>
<context>
    <name>CaseFacts</name>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="91"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="92"/>
        <source>Show the full number (this is recorded)</source>
        <translation>显示完整号码（会记录在审计日志中）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="129"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="131"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="162"/>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="67"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="69"/>
        <source>Edit case %1</source>
        <translation>编辑案件 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="90"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="91"/>
        <source>Show the full number (this is recorded)</source>
        <translation>显示完整号码（会记录在审计日志中）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="99"/>
        <source>(not yet known)</source>
        <translation>（暂不清楚）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="103"/>
        <source>This case has a due time</source>
        <translation>设置截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="107"/>
        <source>What happened, what the buyer wants… (Ctrl+Enter saves)</source>
        <translation>发生了什么、买家想要什么…（Ctrl+Enter 保存）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="122"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="123"/>
        <source>Buyer and case</source>
        <translation>买家与案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="130"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="131"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="134"/>
        <source>Enter saves · Esc cancels</source>
        <translation>Enter 保存 · Esc 取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="158"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="158"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="159"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="159"/>
        <source>Refund no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="160"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="160"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="161"/>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="161"/>
        <source>Amount claimed</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="162"/>
        <source>Buyer nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="162"/>
        <source>Buyer name</source>
        <translation>买家姓名</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="163"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="163"/>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="164"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="164"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="165"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="165"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="166"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/case_form.py" line="319"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_facts.py" line="51"/>
        <source>In the trash</source>
        <translation>在回收站中</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="63"/>
        <source>Case no.</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="64"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="65"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="66"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="67"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="68"/>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="69"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="70"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="71"/>
        <source>Claimed</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="72"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="73"/>
        <source>Last activity</source>
        <translation>最近动态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="75"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/models/case_table.py" line="299"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>CaseText</name>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="53"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="53"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="54"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="54"/>
        <source>Refund no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="55"/>
        <source>Buyer nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="55"/>
        <source>Buyer name</source>
        <translation>买家姓名</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="56"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="56"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="57"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="57"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="58"/>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="58"/>
        <source>Amount claimed</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="59"/>
        <source>Amount settled</source>
        <translation>结算金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="59"/>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="60"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="60"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="61"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="61"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="62"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="62"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="63"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="63"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="69"/>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="70"/>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="70"/>
        <source>Note added</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="71"/>
        <source>Phone revealed</source>
        <translation>查看了完整手机号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="71"/>
        <source>Moved to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="72"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="72"/>
        <source>Deleted for good</source>
        <translation>已永久删除</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="69"/>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="102"/>
        <source>Case created</source>
        <translation>创建案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="73"/>
        <source>Call logged</source>
        <translation>登记了通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="73"/>
        <source>Call policy overridden</source>
        <translation>破例通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="74"/>
        <source>Do-not-call changed</source>
        <translation>勿扰设置已更改</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="75"/>
        <source>Buyer time zone changed</source>
        <translation>买家时区已更改</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="104"/>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="135"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="107"/>
        <source>Edited: %1</source>
        <translation>修改了：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="109"/>
        <source>Moved to the trash</source>
        <translation>移到了回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="111"/>
        <source>Restored from the trash</source>
        <translation>从回收站恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="115"/>
        <source>Phone call: %1</source>
        <translation>电话沟通：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="117"/>
        <source>(outside the call policy, override recorded)</source>
        <translation>（不符合电话沟通规范，已记录破例原因）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="120"/>
        <source>Platform update: %1</source>
        <translation>平台更新：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="126"/>
        <source>Status: %1 → %2</source>
        <translation>状态：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/case_detail_text.py" line="130"/>
        <source>Outcome: %1</source>
        <translation>处理结果：%1</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="55"/>
        <source>Column mapping</source>
        <translation>设置列映射</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="66"/>
        <source>After-sales / refunds (become cases)</source>
        <translation>售后/退款（生成案件）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="69"/>
        <source>Orders (buyer details for cases)</source>
        <translation>订单（为案件补全买家信息）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="77"/>
        <source>(from the file)</source>
        <translation>（取文件中的列）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="80"/>
        <source>Case kind when empty</source>
        <translation>售后类型默认值</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="82"/>
        <source>Rows are</source>
        <translation>每行是</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="83"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="87"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="87"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="93"/>
        <source>Save as profile</source>
        <translation>保存为方案</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="95"/>
        <source>e.g. Kuaishou after-sales</source>
        <translation>例如：快手售后导出</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="107"/>
        <source>Use this mapping</source>
        <translation>使用此映射</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="108"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/column_mapping_dialog.py" line="139"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="49"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="50"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="51"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="52"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="53"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="54"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="57"/>
        <source>Every case that is not in the trash</source>
        <translation>回收站以外的所有案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="58"/>
        <source>Cases that still need attention</source>
        <translation>还需要处理的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="59"/>
        <source>Open cases due today (shop time)</source>
        <translation>今天（店铺时间）到期的未结案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="60"/>
        <source>Open cases past their due time</source>
        <translation>已过截止时间的未结案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="61"/>
        <source>Open cases assigned to the current operator</source>
        <translation>分配给当前操作人的未结案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="62"/>
        <source>Deleted cases; restore them or empty the trash</source>
        <translation>已删除的案件：可以恢复，或清空回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="81"/>
        <source>Search case no., order no., buyer, item, notes…  (Ctrl+F)</source>
        <translation>搜索案件号、订单号、买家、商品、备注…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="91"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="92"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="94"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="97"/>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="99"/>
        <source>Only cases created in this date range</source>
        <translation>只显示在这个日期范围内创建的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="107"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="123"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="124"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="125"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="133"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/filter_bar.py" line="170"/>
        <source>{count} cases</source>
        <translation>共 {count} 条</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <location filename="../../shopdesk/ui/first_start.py" line="39"/>
        <source>Welcome to ShopDesk</source>
        <translation>欢迎使用 ShopDesk 店铺售后台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/first_start.py" line="40"/>
        <source>The register is empty. Load {count} demo cases to try ShopDesk out?

Demo cases are made up; you can move them to the trash later.</source>
        <translation>登记簿还是空的。要加载 {count} 条演示案件来试用吗？

演示案件都是虚构的，之后可以移到回收站。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/first_start.py" line="56"/>
        <source>Your name (recorded on every change you make):</source>
        <translation>你的名字（每次修改都会记录）：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/first_start.py" line="60"/>
        <source>Who is working?</source>
        <translation>现在是谁在处理？</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="73"/>
        <source>Import platform export</source>
        <translation>导入平台导出文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="81"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="83"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="93"/>
        <source>Column mapping…</source>
        <translation>设置列映射…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="96"/>
        <source>File type:</source>
        <translation>文件类型：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="103"/>
        <source>Import the valid rows (skip rows with errors)</source>
        <translation>只导入正确的行（跳过有错误的行）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="114"/>
        <source>Save skipped rows…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="116"/>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="406"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="118"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="120"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="142"/>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="146"/>
        <source>Profile: %1</source>
        <translation>方案：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="148"/>
        <source>Custom mapping</source>
        <translation>自定义映射</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="155"/>
        <source>Choose a platform export</source>
        <translation>选择平台导出文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="157"/>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>表格文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="226"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="240"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="248"/>
        <source>Save skipped rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="262"/>
        <source>Saved %1 row(s) to %2</source>
        <translation>已把 %1 行保存到 %2</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="268"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="288"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="310"/>
        <source>Failed; the register was not changed: %1</source>
        <translation>失败，登记簿没有任何改动：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="315"/>
        <source>Cancelled; the register was not changed.</source>
        <translation>已取消，登记簿没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="327"/>
        <source>Recognised: %1</source>
        <translation>识别为：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="353"/>
        <source> Use “Column mapping…” to tell which column is which.</source>
        <translation>可以用“设置列映射…”指定每一列的含义。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="358"/>
        <source>. Save the skipped rows to fix them and import again.</source>
        <translation>。可以保存未导入的行，修正后再导入。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="363"/>
        <source>%1 row(s) have errors. Tick “Import the valid rows” to skip them, or fix the file and choose it again.</source>
        <translation>有 %1 行有错误。勾选“只导入正确的行”可以跳过它们，或修正文件后重新选择。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="368"/>
        <source>Nothing new in this file.</source>
        <translation>这个文件里没有新的内容。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="371"/>
        <source>Ready: %1 new, %2 updated.</source>
        <translation>可以导入：新建 %1，更新 %2。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_dialog.py" line="406"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="51"/>
        <source>Log call — %1</source>
        <translation>登记通话 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="59"/>
        <source>Earlier calls with this buyer</source>
        <translation>与这位买家的历次通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="65"/>
        <source> (override)</source>
        <translation>（越权记录）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="71"/>
        <source>No calls logged yet.</source>
        <translation>还没有通话记录。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="86"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="91"/>
        <source>e.g. reship tomorrow, buyer keeps the item</source>
        <translation>例如：明天补发，买家保留商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="94"/>
        <source>Time (shop time)</source>
        <translation>时间（店铺时间）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="95"/>
        <source>Outcome</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="96"/>
        <source>Duration</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="97"/>
        <source>Summary</source>
        <translation>通话摘要</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="98"/>
        <source>Agreed</source>
        <translation>达成的约定</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="106"/>
        <source>Offer %1</source>
        <translation>方案 %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="108"/>
        <source>Pre-call checklist</source>
        <translation>通话前准备清单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="110"/>
        <source>Goal of the call</source>
        <translation>通话目标</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="111"/>
        <source>Fallback offers (2–3)</source>
        <translation>备选方案（2–3 个）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="112"/>
        <source>Bottom line</source>
        <translation>承受底线</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="113"/>
        <source>Most you may grant</source>
        <translation>补偿权限（最多可给）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="118"/>
        <source>Why call outside the policy?</source>
        <translation>为什么要在规范之外打电话？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="120"/>
        <source>Override reason (required)</source>
        <translation>破例原因（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="129"/>
        <source>Log call</source>
        <translation>登记通话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="130"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="174"/>
        <source>Within the call policy (%1 left)</source>
        <translation>符合电话沟通规范（还可打 %1 次）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="177"/>
        <source>Outside the call policy:</source>
        <translation>不符合电话沟通规范：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="181"/>
        <source>This call may not be made or logged (hard rule, no override):</source>
        <translation>不能拨打或登记这次通话（硬性规定，不可破例）：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="199"/>
        <source>Write why this call was made anyway</source>
        <translation>请写明为什么仍然打了这通电话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/log_call_dialog.py" line="219"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="58"/>
        <source>ShopDesk — after-sales desk</source>
        <translation>店铺售后台 — ShopDesk</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="114"/>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="116"/>
        <source>Log a new after-sales case (Ctrl+N)</source>
        <translation>登记一个新的售后案件（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="117"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="120"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="122"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="124"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="126"/>
        <source>Reload the list (F5)</source>
        <translation>重新加载列表（F5）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="127"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="129"/>
        <source>Move to &amp;trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="131"/>
        <source>Move the selected cases to the trash (Delete)</source>
        <translation>把选中的案件移到回收站（Delete）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="134"/>
        <source>Res&amp;tore</source>
        <translation>恢复(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="136"/>
        <source>Bring the selected cases back</source>
        <translation>把选中的案件从回收站恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="137"/>
        <source>&amp;Empty trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="139"/>
        <source>Delete the cases in the trash for good</source>
        <translation>永久删除回收站中的案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="141"/>
        <source>&amp;Staff…</source>
        <translation>员工管理(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="143"/>
        <source>&amp;Language…</source>
        <translation>界面语言(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="145"/>
        <source>&amp;About ShopDesk</source>
        <translation>关于 ShopDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="147"/>
        <source>&amp;Import platform export…</source>
        <translation>导入平台导出文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="150"/>
        <source>&amp;Export cases…</source>
        <translation>导出案件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="153"/>
        <source>Phone-call &amp;policy…</source>
        <translation>电话沟通规范(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="156"/>
        <source>Call &amp;compliance…</source>
        <translation>通话合规记录(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="159"/>
        <source>Reply-&amp;script library…</source>
        <translation>话术库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="165"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="175"/>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="183"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="192"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="197"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="238"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="246"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="249"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="273"/>
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="337"/>
        <source>Operator: {name}</source>
        <translation>操作人：{name}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="245"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="248"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="250"/>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="409"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="410"/>
        <source>The new language takes effect after ShopDesk is restarted.</source>
        <translation>新的界面语言将在重新启动 ShopDesk 后生效。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="414"/>
        <source>About ShopDesk</source>
        <translation>关于 ShopDesk</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/main_window.py" line="415"/>
        <source>&lt;h3&gt;ShopDesk — after-sales desk&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;An after-sales register for small online shops. Your data stays on this computer.&lt;/p&gt;&lt;p&gt;Data folder: {path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ShopDesk 店铺售后台&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;小网店的售后登记簿。你的数据只保存在这台电脑上。&lt;/p&gt;&lt;p&gt;数据文件夹：{path}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/feature_actions.py" line="42"/>
        <source>Call compliance</source>
        <translation>通话合规记录</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/feature_actions.py" line="56"/>
        <source>Reply-script library</source>
        <translation>话术库</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/feature_actions.py" line="62"/>
        <source>May call now</source>
        <translation>现在可拨打的买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/feature_actions.py" line="87"/>
        <source>Export cases</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/feature_actions.py" line="90"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/feature_actions.py" line="97"/>
        <source>Include full phone numbers, names and addresses?

Choose No for a masked export (138****5678). A full export is recorded in the audit trail.</source>
        <translation>导出完整的手机号、姓名和地址吗？

选“否”导出打码信息（138****5678）。完整导出会记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/feature_actions.py" line="114"/>
        <source>Exported %1 cases to %2</source>
        <translation>已导出 %1 条案件到 %2</translation>
    </message>
</context>
<context>
    <name>MayCallList</name>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="27"/>
        <source>Case no.</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="27"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="28"/>
        <source>Calls left</source>
        <translation>剩余可拨次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="61"/>
        <source>Buyers you may call now: %1</source>
        <translation>现在可以联系的买家：%1 位</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/may_call_list.py" line="63"/>
        <source>Nobody may be called right now.</source>
        <translation>现在没有可以打电话的买家。</translation>
    </message>
</context>
<context>
    <name>OperatorPicker</name>
    <message>
        <location filename="../../shopdesk/ui/views/operator_picker.py" line="21"/>
        <source>Operator:</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/operator_picker.py" line="24"/>
        <source>Who is working now; recorded on every change</source>
        <translation>现在是谁在处理；每次修改都会记录</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/operator_picker.py" line="51"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
</context>
<context>
    <name>PlaceholderDetailView</name>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="43"/>
        <source>Select a case to see its details.</source>
        <translation>选择一个案件查看详情。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="53"/>
        <source>Case no.</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="54"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="55"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="56"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="57"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="58"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="59"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="60"/>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="61"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="62"/>
        <source>Claimed</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="63"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="64"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/detail_placeholder.py" line="65"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
</context>
<context>
    <name>PlaceholderDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/placeholder_dialog.py" line="30"/>
        <source>Fill in the script</source>
        <translation>填写话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/placeholder_dialog.py" line="33"/>
        <source>The buyer must never see an empty {placeholder}. Fill in every value to copy the text.</source>
        <translation>不能让买家看到未填写的 {placeholder}。请填好每一项后再复制。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/placeholder_dialog.py" line="50"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="52"/>
        <source>Phone-call policy</source>
        <translation>电话沟通规范</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="63"/>
        <source>Use preset</source>
        <translation>使用预设</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="67"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="73"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="73"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="73"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="73"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="74"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="74"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="74"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="75"/>
        <source>Calling windows (buyer&apos;s local time)</source>
        <translation>允许通话时段（买家当地时间）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="81"/>
        <source>no calls</source>
        <translation>不打电话</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="86"/>
        <source>e.g. 10:00-12:00, 14:00-18:00</source>
        <translation>例如 10:00-12:00, 14:00-18:00</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="87"/>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="104"/>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="105"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="106"/>
        <source>Message the buyer in chat before calling</source>
        <translation>打电话前先在聊天窗口联系买家</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="107"/>
        <source>Require the pre-call checklist</source>
        <translation>必须先填写通话前准备清单</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="110"/>
        <source>No new call in the last</source>
        <translation>时段结束前停止新拨打</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="111"/>
        <source>Quiet hours (never call)</source>
        <translation>免打扰时段（绝不打电话）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="112"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="113"/>
        <source>Blackout dates</source>
        <translation>禁止通话日期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="114"/>
        <source>Calls per buyer per day</source>
        <translation>每位买家每天最多通话次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="115"/>
        <source>Day counted as</source>
        <translation>“一天”的计算方式</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="116"/>
        <source>Calls per case</source>
        <translation>每个案件最多通话次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="117"/>
        <source>Minimum gap between calls</source>
        <translation>两次通话的最短间隔</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="118"/>
        <source>Cool-down after talking</source>
        <translation>接通后的冷静期</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="126"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/policy_dialog.py" line="127"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="96"/>
        <source>new cases</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="97"/>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="98"/>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="99"/>
        <source>rows with errors</source>
        <translation>有错误的行</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="103"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="104"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="104"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="105"/>
        <source>What changes</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="119"/>
        <source>Rows with errors (%1)</source>
        <translation>有错误的行（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="121"/>
        <source>Updates to existing cases (%1)</source>
        <translation>将更新的案件（%1）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/import_preview.py" line="135"/>
        <source>Cell: %1</source>
        <translation>单元格：%1</translation>
    </message>
</context>
<context>
    <name>RegisterActions</name>
    <message>
        <location filename="../../shopdesk/ui/register_actions.py" line="25"/>
        <location filename="../../shopdesk/ui/register_actions.py" line="29"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/register_actions.py" line="30"/>
        <source>Backup saved:
{path}</source>
        <translation>备份已保存：
{path}</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/register_actions.py" line="43"/>
        <location filename="../../shopdesk/ui/register_actions.py" line="63"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/register_actions.py" line="44"/>
        <source>Replace the current register with the backup “{name}”?

Changes made after that backup will no longer be shown. The current file is kept and can be restored again.</source>
        <translation>用备份“{name}”替换当前的登记簿？

该备份之后所做的修改将不再显示。当前文件会被保留，之后还可以再恢复。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/register_actions.py" line="57"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/register_actions.py" line="64"/>
        <source>The register was restored from the backup.

The previous register file was kept here:
{path}</source>
        <translation>已从备份恢复登记簿。

原来的登记簿文件保存在：
{path}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="39"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="42"/>
        <source>Choose a backup. The current register is backed up and kept next to it before it is replaced, so a restore can be undone.</source>
        <translation>请选择一个备份。替换之前会先给当前的登记簿做一份备份，并保留原来的文件，所以恢复之后还可以撤销。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="49"/>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="49"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="49"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="50"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="51"/>
        <source>Daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="51"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="52"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="57"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="67"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/restore_dialog.py" line="79"/>
        <source>There are no backups yet.</source>
        <translation>还没有备份。</translation>
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
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="94"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="95"/>
        <source>Tone</source>
        <translation>语气</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="96"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="116"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="117"/>
        <source>Step</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="118"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="119"/>
        <source>Audience</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="120"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="122"/>
        <source>Case kinds (none = any)</source>
        <translation>售后类型（不选 = 全部）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="123"/>
        <source>Causes (none = any)</source>
        <translation>原因（不选 = 全部）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/script_edit_dialog.py" line="124"/>
        <source>Customer types</source>
        <translation>客户类型</translation>
    </message>
</context>
<context>
    <name>ScriptLibraryView</name>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="59"/>
        <source>shipped</source>
        <translation>自带</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="59"/>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="60"/>
        <source>shop&apos;s own</source>
        <translation>本店自建</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="64"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="65"/>
        <source>All steps</source>
        <translation>全部步骤</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="66"/>
        <source>All causes</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="68"/>
        <source>Search title and text</source>
        <translation>搜索标题和正文</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="70"/>
        <source>Favourites</source>
        <translation>只看收藏</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="85"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="85"/>
        <source>Step</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="86"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="86"/>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="104"/>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="105"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="106"/>
        <source>Reset to shipped</source>
        <translation>恢复自带版本</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="107"/>
        <source>New script…</source>
        <translation>新建话术…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="108"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="109"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="110"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="153"/>
        <source>%1 stored script(s) could not be read and were skipped.</source>
        <translation>有 %1 条已保存的话术无法读取，已跳过。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="191"/>
        <source>Scripts</source>
        <translation>话术库</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="192"/>
        <source>Choose the operator (who is working now) first — every change records who made it. Nothing was changed.</source>
        <translation>请先选择操作人（现在是谁在处理）——每次修改都会记录操作人。本次未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="234"/>
        <source>Reset script</source>
        <translation>恢复话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="235"/>
        <source>Drop the shop&apos;s changes to this script and use the shipped text again?</source>
        <translation>放弃本店对这条话术的修改，改回自带的文本？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="244"/>
        <source>Delete script</source>
        <translation>删除话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="245"/>
        <source>Delete the shop&apos;s script %1?</source>
        <translation>删除本店的话术 %1？</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="252"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="259"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="261"/>
        <source>Export scripts</source>
        <translation>导出话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="253"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="269"/>
        <source>Scripts (*.toml *.csv)</source>
        <translation>话术文件 (*.toml *.csv)</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="262"/>
        <source>Exported %1 script(s).</source>
        <translation>已导出 %1 条话术。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="268"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="275"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="280"/>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="283"/>
        <source>Import scripts</source>
        <translation>导入话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="276"/>
        <source>Nothing was imported:</source>
        <translation>没有导入任何内容：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/script_library_view.py" line="284"/>
        <source>Added %1, updated %2, edited shipped %3.</source>
        <translation>新增 %1 条，更新 %2 条，修改自带话术 %3 条。</translation>
    </message>
</context>
<context>
    <name>ScriptsPanel</name>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="68"/>
        <source>Handling steps</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="94"/>
        <source>Scripts for step:</source>
        <translation>该步骤的话术：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="100"/>
        <source>Suggested scripts</source>
        <translation>推荐话术</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="105"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="109"/>
        <source>Fill in…</source>
        <translation>填写…</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="111"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="113"/>
        <source>Copy the reply to the clipboard (Ctrl+Shift+C)</source>
        <translation>把回复复制到剪贴板（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="132"/>
        <source>Open a case to see its handling steps and reply scripts.</source>
        <translation>打开一个案件即可查看它的处理步骤和回复话术。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="247"/>
        <source>To fill in: %1</source>
        <translation>待填写：%1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="264"/>
        <source>Copied — paste it into the chat.</source>
        <translation>已复制，请粘贴到聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/views/scripts_panel.py" line="295"/>
        <source>Choose the operator (who is working now) first — every change records who made it. Nothing was changed.</source>
        <translation>请先选择操作人（现在是谁在处理）——每次修改都会记录操作人。本次未做任何修改。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="39"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="44"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="63"/>
        <source>Name, e.g. 小王</source>
        <translation>姓名，例如 小王</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="65"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="67"/>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="117"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="70"/>
        <source>Hide from the operator list; their name stays on past changes</source>
        <translation>从操作人列表中隐藏；以前的修改记录仍保留其姓名</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="80"/>
        <source>People who work on this register:</source>
        <translation>使用这个登记簿的人员：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="105"/>
        <source>Cannot add</source>
        <translation>无法添加</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="118"/>
        <source>Remove {name} from the operator list? Their past changes keep their name.</source>
        <translation>把 {name} 从操作人列表中移除？以前的修改记录仍保留其姓名。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="136"/>
        <source>The new language takes effect after ShopDesk is restarted.</source>
        <translation>新的界面语言将在重新启动 ShopDesk 后生效。</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="140"/>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/settings_dialog.py" line="143"/>
        <source>Right now the SHOPDESK_LANG environment variable chooses the language, and it wins over this setting.</source>
        <translation>当前界面语言由环境变量 SHOPDESK_LANG 指定，它优先于这里的设置。</translation>
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
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="44"/>
        <source>Change status — %1</source>
        <translation>更改状态 — %1</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="58"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="70"/>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="71"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="72"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="84"/>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="85"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="112"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="113"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="121"/>
        <source>Amount (required)</source>
        <translation>金额（必填）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="122"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="146"/>
        <source>Not a valid amount (e.g. 12.50)</source>
        <translation>金额格式不正确（例如 12.50）</translation>
    </message>
    <message>
        <location filename="../../shopdesk/ui/dialogs/status_dialog.py" line="163"/>
        <source>This case no longer exists (it may have been deleted)</source>
        <translation>该案件已不存在（可能已被删除）</translation>
    </message>
</context>
</TS>
