<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AskRequesterDialog</name>
    <message>
        <source>Ask the requester</source>
        <translation>询问申请人</translation>
    </message>
    <message>
        <source>The case waits for the requester and its clock stops where the rule allows. Summarise what you asked for (the letter itself is produced separately).</source>
        <translation>案件等待申请人答复，规则允许时暂停计时。请概述所询问的内容（函件另行生成）。</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待事项</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>询问内容</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Original message</source>
        <translation>原始邮件</translation>
    </message>
    <message>
        <source>Correspondence</source>
        <translation>往来函件</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>身份证件</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source> (purged)</source>
        <translation>（已清除）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保存至</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>BatchLetters</name>
    <message>
        <source>Acknowledgements due</source>
        <translation>待发受理确认函</translation>
    </message>
    <message>
        <source>Extension notices due</source>
        <translation>待发延期告知函</translation>
    </message>
    <message>
        <source>Chosen cases</source>
        <translation>选定的案件</translation>
    </message>
    <message>
        <source>Each case&apos;s language</source>
        <translation>各案件的语言</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Bilingual (Chinese, then English)</source>
        <translation>中英双语（先中文后英文）</translation>
    </message>
    <message>
        <source>No case has this reference</source>
        <translation>没有此编号的案件</translation>
    </message>
    <message>
        <source>No e-mail address of the requester or the person acting for them</source>
        <translation>没有申请人或其代理人的电子邮箱</translation>
    </message>
    <message>
        <source>Receipt date not confirmed yet</source>
        <translation>收到日期尚未确认</translation>
    </message>
    <message>
        <source>Requester&apos;s name partly lost in the mail: confirm or correct it</source>
        <translation>请求人姓名部分丢失：请确认或更正</translation>
    </message>
    <message>
        <source>Not a privacy request</source>
        <translation>不是个人信息权利请求</translation>
    </message>
    <message>
        <source>The deadline was not extended</source>
        <translation>期限未延长</translation>
    </message>
    <message>
        <source>No refusal grounds recorded</source>
        <translation>未记录拒绝理由</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Bilingual (Traditional Chinese, then English)</source>
        <translation>双语（繁体中文在前，英文在后）</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>This letter does not answer this kind of request</source>
        <translation>此函件不适用于此类请求</translation>
    </message>
    <message>
        <source>%1 letters generated, %2 failed.</source>
        <translation>已生成 %1 份函件，失败 %2 份。</translation>
    </message>
    <message>
        <source>Stopped; the letters before were kept. %1 not started.</source>
        <translation>已停止；之前生成的函件已保留。%1 份未开始。</translation>
    </message>
    <message>
        <source>unexpected error (%1)</source>
        <translation>意外错误（%1）</translation>
    </message>
</context>
<context>
    <name>BatchLettersDialog</name>
    <message>
        <source>Batch letters</source>
        <translation>批量函件</translation>
    </message>
    <message>
        <source>Case references, e.g. PD-2026-000123</source>
        <translation>案件编号，如 PD-2026-000123</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Find the cases, then preview a letter.</source>
        <translation>先查找案件，再预览函件。</translation>
    </message>
    <message>
        <source>Find cases</source>
        <translation>查找案件</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Cases not found</source>
        <translation>未找到案件</translation>
    </message>
    <message>
        <source>%1 cases, %2 ready. Select one and press Preview.</source>
        <translation>共 %1 个案件，%2 个就绪。选择一个后点击“预览”。</translation>
    </message>
    <message>
        <source>Rendering the letter…</source>
        <translation>正在生成函件…</translation>
    </message>
    <message>
        <source>An unexpected error occurred (%1).</source>
        <translation>发生意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>CalendarDaysModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>手动录入</translation>
    </message>
    <message>
        <source>Installed data</source>
        <translation>内置数据</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Enter a schedule from a file…</source>
        <translation>从文件录入节假日安排…</translation>
    </message>
    <message>
        <source>Calendar:</source>
        <translation>日历：</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <source>Name (e.g. 春节调休)</source>
        <translation>名称（如 春节调休）</translation>
    </message>
    <message>
        <source>Set day</source>
        <translation>设置日期</translation>
    </message>
    <message>
        <source>Remove override</source>
        <translation>删除调整</translation>
    </message>
    <message>
        <source>Enter a schedule</source>
        <translation>录入节假日安排</translation>
    </message>
    <message>
        <source>Holiday schedules (*.toml)</source>
        <translation>节假日安排 (*.toml)</translation>
    </message>
    <message numerus="yes">
        <source>Saved; %n open case(s) recomputed.</source>
        <translation>
            <numerusform>已保存；已重新计算 %n 个未结案件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>CalendarYearsModel</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Corrected days</source>
        <translation>调整天数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Official (installed data)</source>
        <translation>正式（内置数据）</translation>
    </message>
    <message>
        <source>Official (entered)</source>
        <translation>正式（手动录入）</translation>
    </message>
    <message>
        <source>Provisional (estimated)</source>
        <translation>暂定（估算）</translation>
    </message>
</context>
<context>
    <name>Calendars</name>
    <message>
        <source>Australia</source>
        <translation type="vanished">澳大利亚</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation type="vanished">巴西</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation type="vanished">加拿大</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation type="vanished">瑞士</translation>
    </message>
    <message>
        <source>Bern, Switzerland</source>
        <translation type="vanished">瑞士伯尔尼州</translation>
    </message>
    <message>
        <source>Basel-Stadt, Switzerland</source>
        <translation type="vanished">瑞士巴塞尔城市州</translation>
    </message>
    <message>
        <source>Geneva, Switzerland</source>
        <translation type="vanished">瑞士日内瓦州</translation>
    </message>
    <message>
        <source>Ticino, Switzerland</source>
        <translation type="vanished">瑞士提契诺州</translation>
    </message>
    <message>
        <source>Vaud, Switzerland</source>
        <translation type="vanished">瑞士沃州</translation>
    </message>
    <message>
        <source>Zurich, Switzerland</source>
        <translation type="vanished">瑞士苏黎世州</translation>
    </message>
    <message>
        <source>Mainland China</source>
        <translation type="vanished">中国大陆</translation>
    </message>
    <message>
        <source>England</source>
        <translation type="vanished">英格兰</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation type="vanished">香港</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation type="vanished">爱尔兰</translation>
    </message>
    <message>
        <source>India</source>
        <translation type="vanished">印度</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation type="vanished">日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation type="vanished">韩国</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation type="vanished">新加坡</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation type="vanished">泰国</translation>
    </message>
    <message>
        <source>Taiwan, China</source>
        <translation type="vanished">中国台湾</translation>
    </message>
    <message>
        <source>California, United States</source>
        <translation type="vanished">美国加利福尼亚州</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation type="vanished">奥地利</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation type="vanished">比利时</translation>
    </message>
    <message>
        <source>Bulgaria</source>
        <translation type="vanished">保加利亚</translation>
    </message>
    <message>
        <source>Cyprus</source>
        <translation type="vanished">塞浦路斯</translation>
    </message>
    <message>
        <source>Czechia</source>
        <translation type="vanished">捷克</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation type="vanished">德国</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation type="vanished">丹麦</translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation type="vanished">爱沙尼亚</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation type="vanished">西班牙</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation type="vanished">芬兰</translation>
    </message>
    <message>
        <source>France</source>
        <translation type="vanished">法国</translation>
    </message>
    <message>
        <source>Greece</source>
        <translation type="vanished">希腊</translation>
    </message>
    <message>
        <source>Croatia</source>
        <translation type="vanished">克罗地亚</translation>
    </message>
    <message>
        <source>Hungary</source>
        <translation type="vanished">匈牙利</translation>
    </message>
    <message>
        <source>Iceland</source>
        <translation type="vanished">冰岛</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation type="vanished">意大利</translation>
    </message>
    <message>
        <source>Liechtenstein</source>
        <translation type="vanished">列支敦士登</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation type="vanished">立陶宛</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation type="vanished">卢森堡</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation type="vanished">拉脱维亚</translation>
    </message>
    <message>
        <source>Malta</source>
        <translation type="vanished">马耳他</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation type="vanished">荷兰</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation type="vanished">挪威</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation type="vanished">波兰</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation type="vanished">葡萄牙</translation>
    </message>
    <message>
        <source>Romania</source>
        <translation type="vanished">罗马尼亚</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation type="vanished">瑞典</translation>
    </message>
    <message>
        <source>Slovenia</source>
        <translation type="vanished">斯洛文尼亚</translation>
    </message>
    <message>
        <source>Slovakia</source>
        <translation type="vanished">斯洛伐克</translation>
    </message>
    <message>
        <source>%1 — official holidays</source>
        <translation>%1 — 法定节假日</translation>
    </message>
</context>
<context>
    <name>CaseActionController</name>
    <message>
        <source>Case not changed</source>
        <translation>案件未更改</translation>
    </message>
</context>
<context>
    <name>CaseBrowser</name>
    <message>
        <source>Search reference, name, e-mail, phone or account ID (Ctrl+F)</source>
        <translation>搜索编号、姓名、电子邮箱、电话或账号 ID（Ctrl+F）</translation>
    </message>
    <message>
        <source>No cases yet.
Import the requests that arrived by e-mail (.eml files or a folder of them) to start: each message becomes a case with its statutory deadline.</source>
        <translation type="vanished">尚无案件。
请导入通过电子邮件收到的请求（.eml 文件或包含 .eml 文件的文件夹）：每封邮件成为一个案件，并计算其法定期限。</translation>
    </message>
    <message>
        <source>Import messages…</source>
        <translation type="vanished">导入邮件…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 个案件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseDetailController</name>
    <message>
        <source>Note not added</source>
        <translation>备注未添加</translation>
    </message>
    <message>
        <source>note on %1</source>
        <translation>%1 的备注</translation>
    </message>
    <message>
        <source>Note not withdrawn</source>
        <translation>备注未撤回</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>另存附件副本</translation>
    </message>
    <message>
        <source>Copy not saved</source>
        <translation>副本未保存</translation>
    </message>
    <message>
        <source>The file could not be written (%1).</source>
        <translation>文件无法写入（%1）。</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Data &amp;categories</source>
        <translation>数据类别(&amp;C)</translation>
    </message>
    <message>
        <source>Notes and &amp;messages</source>
        <translation>备注与往来(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Attachments</source>
        <translation>附件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Letters</source>
        <translation>函件(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Original message</source>
        <translation>原始邮件(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Deadline, day by day</source>
        <translation>期限逐日计算(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>confirmed source</source>
        <translation>已核实的出处</translation>
    </message>
    <message>
        <source>secondary source only</source>
        <translation>仅有二手出处</translation>
    </message>
    <message>
        <source>unconfirmed: policy default</source>
        <translation>未核实：政策默认值</translation>
    </message>
    <message>
        <source>statute</source>
        <translation>法律</translation>
    </message>
    <message>
        <source>regulation</source>
        <translation>法规</translation>
    </message>
    <message>
        <source>regulatory guidance</source>
        <translation>监管指引</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>company policy, not law</source>
        <translation>公司政策，非法律规定</translation>
    </message>
    <message>
        <source>Set by the regulator&apos;s letter; confirm the date against the letter</source>
        <translation>依据监管机构来函设定；请与来函核对日期</translation>
    </message>
    <message>
        <source>Set by hand; no recomputation changes it</source>
        <translation type="vanished">手动设定；重新计算不会改变该日期</translation>
    </message>
    <message>
        <source>Set by hand, before the statutory deadline, which is still counted and binds if it falls earlier</source>
        <translation>人工设定，早于法定期限；法定期限仍在计算，如早于此日期则以法定期限为准</translation>
    </message>
    <message>
        <source>Set by hand, on the statutory deadline, which is still counted and binds if it falls earlier</source>
        <translation>人工设定，与法定期限同日；法定期限仍在计算，如早于此日期则以法定期限为准</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>适用法域</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>需人工核对</translation>
    </message>
    <message>
        <source>Triage evidence</source>
        <translation>分拣依据</translation>
    </message>
    <message>
        <source>Select a case to see its details.</source>
        <translation>选择一个案件以查看详情。</translation>
    </message>
    <message>
        <source>Choose a case in the list (↑ and ↓ move through it). A request received by phone or letter: File › New case… (Ctrl+N).</source>
        <translation>在列表中选择一个案件（用 ↑ 和 ↓ 逐条查看）。通过电话或信函收到的请求：文件 › 新建案件…（Ctrl+N）。</translation>
    </message>
    <message>
        <source>No statutory deadline</source>
        <translation>无法定期限</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已答复</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>provisional: holiday calendar not yet official</source>
        <translation>暂定：节假日安排尚未正式公布</translation>
    </message>
    <message>
        <source>Statutory due date %1</source>
        <translation>法定截止日期 %1</translation>
    </message>
    <message>
        <source>Due date %1</source>
        <translation>答复期限 %1</translation>
    </message>
    <message>
        <source>Extended to %1: %2</source>
        <translation>已延期至 %1：%2</translation>
    </message>
    <message>
        <source>Acknowledge by %1</source>
        <translation>须于 %1 前确认收到</translation>
    </message>
    <message>
        <source>Internal target %1 (company policy)</source>
        <translation>内部目标 %1（公司政策）</translation>
    </message>
    <message>
        <source>Counted from receipt until identity is verified</source>
        <translation>身份核验完成前自收到之日起计算</translation>
    </message>
    <message>
        <source>(%1; %2)</source>
        <translation>（%1；%2）</translation>
    </message>
    <message>
        <source>Counted on %1</source>
        <translation type="vanished">按%1计算</translation>
    </message>
    <message>
        <source>Working days counted on the official holidays of %1</source>
        <translation>按%1法定节假日计算工作日</translation>
    </message>
    <message>
        <source>Working days (Monday to Saturday) counted on the official holidays of %1</source>
        <translation>按%1法定节假日计算工作日（周一至周六）</translation>
    </message>
</context>
<context>
    <name>CaseMenu</name>
    <message>
        <source>&amp;Triage…</source>
        <translation>分拣(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Ask the requester…</source>
        <translation>询问申请人(&amp;A)…</translation>
    </message>
    <message>
        <source>Log the &amp;reply…</source>
        <translation>登记答复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Identity check…</source>
        <translation>身份核验(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;quester details…</source>
        <translation>申请人信息(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Plan deletion over the inventory</source>
        <translation>按数据清单规划删除(&amp;P)</translation>
    </message>
    <message>
        <source>Plan the cop&amp;y over the inventory</source>
        <translation>按数据清单规划复制(&amp;Y)</translation>
    </message>
    <message>
        <source>Data &amp;categories…</source>
        <translation>数据类别(&amp;C)…</translation>
    </message>
    <message>
        <source>Ask for revie&amp;w…</source>
        <translation>提请复核(&amp;W)…</translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation>复核(&amp;V)…</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>答复(&amp;N)…</translation>
    </message>
    <message>
        <source>C&amp;lose…</source>
        <translation>结案(&amp;L)…</translation>
    </message>
    <message>
        <source>The receipt time is uncertain: confirm when the request reached you.</source>
        <translation>收到时间不确定：请确认请求实际送达的时间。</translation>
    </message>
    <message>
        <source>C&amp;orrect receipt date…</source>
        <translation>更正收到日期(&amp;O)…</translation>
    </message>
    <message>
        <source>Correct the recorded receipt time only if the request reached you at another time (e.g. a letter scanned after it arrived).</source>
        <translation>仅当请求实际送达的时间与记录不同时才更正收到时间（例如信件送达后才扫描）。</translation>
    </message>
    <message>
        <source>&amp;Stop the clock…</source>
        <translation>暂停计时(&amp;S)…</translation>
    </message>
    <message>
        <source>Res&amp;tart the clock…</source>
        <translation>恢复计时(&amp;T)…</translation>
    </message>
    <message>
        <source>E&amp;xtend the deadline…</source>
        <translation>延长期限(&amp;X)…</translation>
    </message>
    <message>
        <source>No statutory deadline is counted for this case (no rule for its kind, a due date stated by a regulator&apos;s letter, or an unusable receipt date).</source>
        <translation type="vanished">此案件没有按法定规则计算的答复期限（其请求类型没有适用规则、答复期限由监管机构来函指定，或收到日期无法使用）。</translation>
    </message>
    <message>
        <source>&amp;Confirm receipt date…</source>
        <translation>确认收到日期(&amp;C)…</translation>
    </message>
    <message>
        <source>Correct the extension re&amp;ason…</source>
        <translation>更正延期理由(&amp;A)…</translation>
    </message>
    <message>
        <source>Set the &amp;due date by hand…</source>
        <translation>手动设定答复期限(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Hand the due date back to its rule</source>
        <translation>恢复按规则计算答复期限(&amp;H)</translation>
    </message>
    <message>
        <source>The case is answered or closed: its deadline no longer runs.</source>
        <translation type="vanished">此案件已答复或已结案：答复期限不再计算。</translation>
    </message>
    <message>
        <source>Not a request: no statutory deadline runs.</source>
        <translation type="vanished">非权利请求：没有法定答复期限。</translation>
    </message>
    <message>
        <source>No statutory deadline is counted for this case (no rule for its kind, a due date set by hand or by a regulator, or an unusable receipt date).</source>
        <translation type="vanished">此案件没有按法定规则计算的答复期限（其请求类型没有适用规则、答复期限由人工设定或由监管机构指定，或收到日期无法使用）。</translation>
    </message>
    <message>
        <source>The clock is already stopped: restart it first.</source>
        <translation type="vanished">已暂停计时：请先恢复计时。</translation>
    </message>
    <message>
        <source>The rule for this case has no extension.</source>
        <translation type="vanished">适用于此案件的规则不允许延期。</translation>
    </message>
    <message>
        <source>The deadline has already been extended.</source>
        <translation type="vanished">答复期限已延期过。</translation>
    </message>
    <message>
        <source>The date by which an extension had to be notified has passed.</source>
        <translation type="vanished">告知延期的期限已过。</translation>
    </message>
    <message>
        <source>The case is answered or closed: its due date is the record of its answer.</source>
        <translation type="vanished">案件已答复或已结案：其答复期限是衡量该答复的记录。</translation>
    </message>
    <message>
        <source>Its rule computes the due date already: none is set by hand or taken from a regulator&apos;s letter.</source>
        <translation type="vanished">答复期限已按规则计算：未手动设定，也未依据监管机构来函确定。</translation>
    </message>
    <message>
        <source>The case is answered or closed: its triage, its clock and the plan and record of what was done for each data category are the record of its answer.</source>
        <translation type="vanished">此案件已答复或已结案：其分拣结果、答复期限计时，以及各数据类别的处理计划与完成记录，都是该答复的记录。</translation>
    </message>
    <message>
        <source>The case is triaged already and work on it has started.</source>
        <translation type="vanished">此案件已完成分拣，且已开始办理。</translation>
    </message>
    <message>
        <source>A sign-off is pending on the case: decide the review first.</source>
        <translation type="vanished">此案件有待签核的复核：请先作出复核决定。</translation>
    </message>
    <message>
        <source>The case waits for the requester already: log the reply first.</source>
        <translation type="vanished">此案件已在等待请求人答复：请先登记其答复。</translation>
    </message>
    <message>
        <source>The case is not waiting for the requester.</source>
        <translation type="vanished">此案件不在等待请求人答复的状态。</translation>
    </message>
    <message>
        <source>No review is waiting on this case.</source>
        <translation>此案件没有待处理的复核。</translation>
    </message>
    <message>
        <source>Only a case in progress can be answered (not one in review or answered).</source>
        <translation>只有处理中的案件才能答复（复核中或已答复的不能）。</translation>
    </message>
    <message>
        <source>The clock is running: there is no pause to end.</source>
        <translation type="vanished">计时正在进行：没有可结束的暂停计时。</translation>
    </message>
    <message>
        <source>No extension can be taken: the rule has none, it was taken, or its notice date has passed.</source>
        <translation type="vanished">无法延期：规则不允许延期、已延期过，或告知期限已过。</translation>
    </message>
    <message>
        <source>Chinese…</source>
        <translation>中文…</translation>
    </message>
    <message>
        <source>English…</source>
        <translation>英文…</translation>
    </message>
    <message>
        <source>Bilingual…</source>
        <translation>中英双语…</translation>
    </message>
    <message>
        <source>Traditional Chinese…</source>
        <translation>繁体中文…</translation>
    </message>
    <message>
        <source>Bilingual, Traditional Chinese…</source>
        <translation>繁体中文、英文双语…</translation>
    </message>
    <message>
        <source>&amp;Workflow</source>
        <translation>办理(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Letters</source>
        <translation>函件(&amp;L)</translation>
    </message>
    <message>
        <source>C&amp;lock</source>
        <translation>计时(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CasePageModel</name>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>Overdue: the answer was due before today</source>
        <translation>已逾期：答复期限已过</translation>
    </message>
    <message>
        <source>Due within %1 days</source>
        <translation>%1 天内到期</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n day(s)</source>
        <translation type="vanished">
            <numerusform>%n 天内到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Provisional: the official holiday calendar for that year is not out yet</source>
        <translation>暂定：该年度的正式节假日安排尚未公布</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Anonymise</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Keep (legal hold)</source>
        <translation>保留（法定保存）</translation>
    </message>
    <message>
        <source>None held</source>
        <translation>未持有</translation>
    </message>
    <message>
        <source>Planned by %1</source>
        <translation>由 %1 规划</translation>
    </message>
    <message>
        <source>Done %1 by %2</source>
        <translation>%2 于 %1 完成</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Kept until · rule</source>
        <translation>保存至 · 依据</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 until %3</source>
        <translation>%1：%2，至 %3</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Data categories</source>
        <translation>数据类别</translation>
    </message>
    <message>
        <source>Tick each category once its deletion, anonymisation or legal hold is in place. A deletion cannot be answered while any category is unsettled.</source>
        <translation>每个类别的删除、匿名化或法定保存落实后请勾选。尚有类别未处理完毕时，不能答复删除请求。</translation>
    </message>
</context>
<context>
    <name>CategoriesModel</name>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>On deletion</source>
        <translation>删除时</translation>
    </message>
    <message>
        <source>Held under</source>
        <translation>保存依据</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>网页表单</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
</context>
<context>
    <name>ClockController</name>
    <message>
        <source>Clock not stopped</source>
        <translation>未暂停计时</translation>
    </message>
    <message>
        <source>Clock not restarted</source>
        <translation>未恢复计时</translation>
    </message>
    <message>
        <source>Deadline not extended</source>
        <translation>答复期限未延期</translation>
    </message>
    <message>
        <source>Receipt date not changed</source>
        <translation>收到日期未更改</translation>
    </message>
    <message>
        <source>Hand the due date back to its rule</source>
        <translation>恢复按规则计算答复期限</translation>
    </message>
    <message>
        <source>The due date set by hand or taken from the regulator&apos;s letter is dropped, and the case&apos;s rule computes its due date again (a kind no rule times is left without one).</source>
        <translation>将撤销手动设定或依据监管机构来函确定的答复期限，由本案适用的规则重新计算答复期限（无规则计时的请求类型将不再有答复期限）。</translation>
    </message>
    <message>
        <source>Due date not changed</source>
        <translation>答复期限未变更</translation>
    </message>
    <message>
        <source>Due date not set</source>
        <translation>答复期限未设定</translation>
    </message>
    <message>
        <source>Due date not handed back</source>
        <translation>答复期限未恢复按规则计算</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>A case that was answered closes as it is. An open case closes only as not a request, duplicate, withdrawn, unverifiable or redirected to self-service.</source>
        <translation>已答复的案件按原结果结案。未答复的案件只能以“非请求”“重复”“已撤回”“无法核验身份”或“引导自助办理”结案。</translation>
    </message>
    <message>
        <source>As answered</source>
        <translation>按答复结果</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
</context>
<context>
    <name>Correspondence</name>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>From requester (%1)</source>
        <translation>来自申请人（%1）</translation>
    </message>
    <message>
        <source>To requester (%1)</source>
        <translation>发给申请人（%1）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>CurrentUser</name>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Your user name:</source>
        <translation>您的用户名：</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Compute the figures again</source>
        <translation>重新计算数据</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>In Chinese…</source>
        <translation>中文版…</translation>
    </message>
    <message>
        <source>In English…</source>
        <translation>英文版…</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation type="vanished">本周到期</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>7日内到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Answered on time (90 days)</source>
        <translation>按时答复率（90 天）</translation>
    </message>
    <message>
        <source>Median days to respond (90 days)</source>
        <translation>答复天数中位数（90 天）</translation>
    </message>
    <message>
        <source>Extensions (90 days)</source>
        <translation>延期次数（90 天）</translation>
    </message>
    <message>
        <source>As of %1 · dates in %2</source>
        <translation>截至 %1 · 日期按 %2</translation>
    </message>
    <message>
        <source>Open cases by status</source>
        <translation>未结案件（按状态）</translation>
    </message>
    <message>
        <source>Open cases by kind</source>
        <translation>未结案件（按类型）</translation>
    </message>
    <message>
        <source>Received and closed per week</source>
        <translation>每周收案与结案</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收案</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Workload per handler</source>
        <translation>经办人工作量</translation>
    </message>
    <message>
        <source>Deadlines in the next 30 days</source>
        <translation>未来 30 天的期限</translation>
    </message>
    <message>
        <source>Dashboard not updated</source>
        <translation>仪表盘未更新</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>ISO week</source>
        <translation>周次（ISO）</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation type="vanished">%1周</translation>
    </message>
    <message>
        <source>Amber: cases due within 7 days. Overdue now: %1.</source>
        <translation>琥珀色：7 天内到期的案件。当前已逾期：%1 个。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 of %2 cases answered since %3 were answered by their due date.</source>
        <translation>自 %3 以来答复的 %2 个案件中，有 %1 个在截止日期前答复。</translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation>导出仪表盘</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>报告未保存</translation>
    </message>
</context>
<context>
    <name>DayMark</name>
    <message>
        <source>Acknowledgement due</source>
        <translation>确认收到期限</translation>
    </message>
    <message>
        <source>Internal target</source>
        <translation>内部目标</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Extension notice due</source>
        <translation>延期告知期限</translation>
    </message>
    <message>
        <source>Extended due</source>
        <translation>延期后截止</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between two marks of a day</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>DayReason</name>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Calendar day</source>
        <translation>自然日</translation>
    </message>
    <message>
        <source>Rolled forward to a working day</source>
        <translation>顺延至工作日</translation>
    </message>
    <message>
        <source>Rolled back to a working day</source>
        <translation>提前至工作日</translation>
    </message>
    <message>
        <source>Paused: clock stopped</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation>等待身份核验</translation>
    </message>
    <message>
        <source>Identity verified (day 0)</source>
        <translation>身份核验完成（第 0 日）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a reason and the calendar&apos;s</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a reason and a holiday&apos;s name</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Day off (worked instead on %1)</source>
        <translation>休息日（由 %1 调休）</translation>
    </message>
    <message>
        <source>Working day (make-up for %1)</source>
        <translation>%1调休上班</translation>
    </message>
</context>
<context>
    <name>DeadlineBreakdown</name>
    <message>
        <source>No statutory deadline applies.</source>
        <translation>不适用法定期限。</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between two years</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Provisional: no official holiday schedule for %1</source>
        <translation>暂定：%1 年尚无正式节假日安排</translation>
    </message>
    <message>
        <source>Extended to %1</source>
        <translation>延期至 %1</translation>
    </message>
    <message>
        <source>Internal target %1 (company policy, not law)</source>
        <translation>内部目标 %1（公司政策，非法律规定）</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Policy, not statute: no period is set by law</source>
        <translation>政策而非法律：法律未规定期限</translation>
    </message>
    <message>
        <source>Awaiting identity verification: the date may move</source>
        <translation>等待身份核验：日期可能变动</translation>
    </message>
    <message>
        <source>Clock stopped: the date moves each day until the pause ends</source>
        <translation>已暂停计时：暂停结束前日期每天顺延</translation>
    </message>
    <message>
        <source>Pauses ignored: this rule does not stop the clock</source>
        <translation>暂停不计：该规则不允许暂停计时</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a date and its weekday</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>DeadlineCalendarModel</name>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s) due</source>
        <translation>
            <numerusform>%n 个未结案件到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlineDaysModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>是否计入</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>Privacy Desk — DEMO</source>
        <translation>Privacy Desk — 演示</translation>
    </message>
    <message>
        <source>Demo data — not real requests</source>
        <translation>演示数据 — 并非真实请求</translation>
    </message>
    <message>
        <source>Leave the demo</source>
        <translation>退出演示</translation>
    </message>
</context>
<context>
    <name>DemoController</name>
    <message>
        <source>Making the demo database…</source>
        <translation>正在生成演示数据库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <source>Demo not opened</source>
        <translation>未能打开演示数据库</translation>
    </message>
</context>
<context>
    <name>DueDateDialog</name>
    <message>
        <source>Set the due date by hand</source>
        <translation>手动设定答复期限</translation>
    </message>
    <message>
        <source>The date you set becomes this case&apos;s due date: no recomputation (a pause, an identity check, a changed rule or holiday calendar) will change it until you hand it back to its rule. The statutory deadline still binds in law: a later date here gives the company no more time to answer. The reason is kept as an internal note of the case.</source>
        <translation type="vanished">您设定的日期将成为本案的答复期限：在您将其恢复按规则计算之前，任何重新计算（暂停计时、身份核验、规则或节假日日历的变更）都不会改变它。法定期限在法律上仍然有效：此处设定较晚的日期并不会给予公司更多答复时间。设定理由将作为本案的内部备注保存。</translation>
    </message>
    <message>
        <source>The date you set becomes this case&apos;s due date until you hand it back to its rule. It may come before the statutory deadline, never after it: a later date is refused. The statutory deadline is still counted (a pause or an identity check moves it, not this date); if it later falls before this date (a corrected receipt date, another jurisdiction or kind, a changed holiday calendar), the statutory date binds and this date is released. The reason is kept as an internal note of the case.</source>
        <translation>您设定的日期将成为本案件的答复期限，直至您将其交还规则计算。该日期可以早于法定期限，但不得晚于法定期限：晚于法定期限的日期将被拒绝。法定期限仍会继续计算（暂停计时或身份核验会使其变动，但不会改变此日期）；如法定期限此后早于此日期（更正收到日期、改为其他法域或请求类型、节假日日历变更），则以法定期限为准，此日期随即失效。原因将作为本案件的内部备注保存。</translation>
    </message>
    <message>
        <source>e.g. a court order, a date agreed with the requester or the regulator</source>
        <translation>例如：法院裁定、与个人信息主体或监管机构约定的日期</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Due date now</source>
        <translation>当前答复期限</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>新答复期限</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>设定理由</translation>
    </message>
    <message>
        <source>Due date not set</source>
        <translation>答复期限未设定</translation>
    </message>
    <message>
        <source>The due date must lie between %1 and %2: check the year.</source>
        <translation>答复期限须在 %1 至 %2 之间：请核对年份。</translation>
    </message>
    <message>
        <source>The due date cannot be before the request was received (%1).</source>
        <translation>答复期限不能早于收到请求之日（%1）。</translation>
    </message>
    <message>
        <source>Give the reason the due date is set by hand.</source>
        <translation>请填写手动设定答复期限的理由。</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source>Extend the deadline</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>Take the extension the rule allows. The requester must be told of it, with the reasons, by %1.</source>
        <translation>按规则允许的幅度延期。须于 %1 前将延期及理由告知申请人。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>ExtensionReasonDialog</name>
    <message>
        <source>Correct the extension reason</source>
        <translation>更正延期理由</translation>
    </message>
    <message>
        <source>The requester must be told the reasons for the extension. Correct the reason before the extension notice is sent; the deadline does not change. Notices already produced keep the old reason: produce the notice again.</source>
        <translation>必须将延期理由告知请求人。请在延期告知函发出前更正理由；答复期限不变。已生成的告知函仍为原理由：请重新生成告知函。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reason not corrected</source>
        <translation>延期理由未更正</translation>
    </message>
</context>
<context>
    <name>FirstStartPanel</name>
    <message>
        <source>Import messages…</source>
        <translation>导入邮件…</translation>
    </message>
    <message>
        <source>Try it with demo data</source>
        <translation>用演示数据试用</translation>
    </message>
    <message>
        <source>No cases yet.
Import the requests that arrived by e-mail (.eml files or a folder of them) to start: each message becomes a case with its statutory deadline.
Or look around first in a demo database of invented cases — it is kept apart from your real cases.</source>
        <translation>尚无案件。
请导入通过电子邮件收到的请求（.eml 文件或包含 .eml 文件的文件夹）：每封邮件成为一个案件，并计算其法定期限。
也可以先在由虚构案件组成的演示数据库中看看——它与您的真实案件分开保存。</translation>
    </message>
</context>
<context>
    <name>Flag</name>
    <message>
        <source>No Date: header — confirm the receipt date</source>
        <translation>邮件无 Date 头 — 请确认收到日期</translation>
    </message>
    <message>
        <source>Unreadable Date: header — confirm the receipt date</source>
        <translation>邮件 Date 头无法识别 — 请确认收到日期</translation>
    </message>
    <message>
        <source>Unreadable Date: header or no time zone — confirm the receipt date</source>
        <translation type="vanished">邮件 Date 头无法识别或缺少时区 — 请确认收到日期</translation>
    </message>
    <message>
        <source>Date: header has no time zone — read as UTC; confirm the receipt date</source>
        <translation>邮件 Date: 头未注明时区——已按 UTC 读取，请确认收到日期</translation>
    </message>
    <message>
        <source>Declared character set did not fit; text decoded by detection — read the original</source>
        <translation type="vanished">声明的字符集与内容不符，已按自动检测解码——请查看原件</translation>
    </message>
    <message>
        <source>Date: header&apos;s time zone name has several meanings — read as the earliest; confirm the receipt date</source>
        <translation>邮件 Date: 头的时区缩写有多种含义——已按最早的时间读取，请确认收到日期</translation>
    </message>
    <message>
        <source>The declared character set did not fit, or part of the text could not be read — read the original</source>
        <translation>声明的字符集与内容不符，或部分文字无法识别——请查阅原始邮件</translation>
    </message>
    <message>
        <source>Regulator&apos;s inquiry — confirm the deadline against the letter</source>
        <translation>监管机构问询——请对照来函确认答复期限</translation>
    </message>
    <message>
        <source>No deadline computed — set one</source>
        <translation>未能计算答复期限——请人工确定</translation>
    </message>
    <message>
        <source>Probably not a privacy request</source>
        <translation>可能不是个人信息权利请求</translation>
    </message>
    <message>
        <source>Kind of request unclear</source>
        <translation>请求类型不明</translation>
    </message>
    <message>
        <source>Requester unclear</source>
        <translation>申请人不明</translation>
    </message>
    <message>
        <source>Contains unrendered template markup</source>
        <translation>含有未渲染的模板标记</translation>
    </message>
    <message>
        <source>Reminder not yet linked to its request</source>
        <translation>催办尚未关联到原请求</translation>
    </message>
    <message>
        <source>Possible duplicate of an open request from the same person</source>
        <translation>可能与同一人的未结请求重复</translation>
    </message>
    <message>
        <source>Date: header in the future or long past — confirm the receipt date</source>
        <translation>邮件 Date 头日期在未来或过于久远 — 请确认收到日期</translation>
    </message>
    <message>
        <source>Deadline provisional: holiday calendar not yet official</source>
        <translation>期限暂定：节假日安排尚未正式公布</translation>
    </message>
    <message>
        <source>The account ID or phone number quoted belongs to another data subject record — check it in identity verification</source>
        <translation>邮件中所述的账号或手机号属于另一个人信息主体的记录 — 请在身份核验中核实</translation>
    </message>
    <message>
        <source>Stray control bytes (NUL and others) were removed from the message file — read the original</source>
        <translation>已从邮件文件中删除多余的控制字符（NUL 等）——请阅读原件</translation>
    </message>
    <message>
        <source>Language guessed on weak or mixed evidence — confirm the language and jurisdiction</source>
        <translation>语言判断依据不足或混杂——请确认语言和适用法域</translation>
    </message>
    <message>
        <source>The message&apos;s MIME structure is damaged (invalid encoding, missing boundary or truncated part) — read the original</source>
        <translation>邮件的 MIME 结构已损坏（编码无效、缺少分界线或部分内容被截断）——请阅读原件</translation>
    </message>
    <message>
        <source>The sender&apos;s name was longer than 200 characters and was shortened — the original message keeps it whole</source>
        <translation>发件人姓名超过 200 个字符，已截短——原始邮件保留完整姓名</translation>
    </message>
    <message>
        <source>The From: line names several addresses; the first was taken as the requester — check who is asking</source>
        <translation>发件人（From:）一栏有多个地址，已将第一个地址作为申请人——请核实申请人是谁</translation>
    </message>
    <message>
        <source>Invisible characters were removed from the sender&apos;s address — check the address against the original</source>
        <translation>已从发件人地址中删除不可见字符——请对照原始邮件核对该地址</translation>
    </message>
    <message>
        <source>A forwarded message: its original sender is named under Requester — check who the data subject is and whether the forwarder acts for them</source>
        <translation>转发的邮件：原发件人已列在“请求人”一栏——请核实个人信息主体是谁，以及转发人是否代其提出请求</translation>
    </message>
    <message>
        <source>The message&apos;s parts or header comments are nested too deeply: only the headers and the text above the limit were read — read the original</source>
        <translation>邮件的组成部分或头字段注释嵌套过深：仅读取了邮件头和限度以上的正文——请阅读原始邮件</translation>
    </message>
    <message>
        <source>Invisible characters were removed from the sender&apos;s name — check the name against the original</source>
        <translation>已删除发件人姓名中的不可见字符——请对照原始邮件核对姓名</translation>
    </message>
    <message>
        <source>Part of the sender&apos;s name was damaged in the mail and left out — check the name against the original before a letter uses it</source>
        <translation>发件人姓名中有部分字符在邮件中已损坏并被略去——函件使用该姓名前，请对照原始邮件核对</translation>
    </message>
    <message>
        <source>The phone number in the letter is not a valid number of its country — it is kept as written: check it against the letter</source>
        <translation>来信中的电话号码不是其所属国家/地区的有效号码——已按原样保留，请对照来信核实</translation>
    </message>
    <message>
        <source>Read as a regulator&apos;s inquiry, but the sender&apos;s domain is not a listed regulator&apos;s — confirm that an authority wrote it</source>
        <translation>按监管机构问询函处理，但发件域名不在已登记监管机构名单中——请核实确系监管部门来函</translation>
    </message>
    <message>
        <source>The sender&apos;s domain imitates a government or regulator domain — possible spoofing</source>
        <translation>发件域名仿冒政府或监管机构域名——可能是伪造邮件</translation>
    </message>
    <message>
        <source>The e-mail address, once cleaned of invisible characters, is also another data subject record&apos;s — check whether they are one person</source>
        <translation>电子邮件地址去除不可见字符后，与另一个个人信息主体记录的地址相同——请核实二者是否为同一人</translation>
    </message>
    <message>
        <source>The due date set by hand was released: the statutory deadline now falls before it</source>
        <translation>人工设定的答复期限已失效：法定期限现已早于该日期</translation>
    </message>
    <message>
        <source>The From: line names no address; the requester&apos;s address was taken from Sender: or Reply-To: — check who is asking</source>
        <translation>From: 行未列出地址；请求人地址取自 Sender: 或 Reply-To:——请核实提出请求的人</translation>
    </message>
    <message>
        <source>The regulator&apos;s letter states several time limits; the earliest was taken as the due date — note the later ones</source>
        <translation>监管机构来函载明多个期限，已取最早者作为截止日期——请记下其余较晚的期限</translation>
    </message>
    <message>
        <source>Forwarded by a colleague: the request first reached another company mailbox, and the deadline counts from then (see Triage evidence) — check the date against the original</source>
        <translation>同事转发：该请求最先送达公司的另一个邮箱，答复期限自该时起计算（见分拣依据）——请对照原始邮件核对日期</translation>
    </message>
    <message>
        <source>Forwarded by a colleague: the date the request first reached the company could not be used, so the forward&apos;s date was taken — confirm the receipt date</source>
        <translation>同事转发：无法采用该请求最先送达公司的日期，已按转发日期计算——请确认收到日期</translation>
    </message>
    <message>
        <source>Stray NUL bytes were removed from the message file — read the original</source>
        <translation type="vanished">已从邮件文件中移除多余的 NUL 字节 — 请查看原件</translation>
    </message>
</context>
<context>
    <name>FormImport</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <source>Request type</source>
        <translation>请求类型</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>empty row</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>invalid e-mail</source>
        <translation>电子邮箱无效</translation>
    </message>
    <message>
        <source>invalid phone</source>
        <translation>电话号码无效</translation>
    </message>
    <message>
        <source>unreadable time</source>
        <translation>时间无法识别</translation>
    </message>
    <message>
        <source>no time</source>
        <translation>缺少时间</translation>
    </message>
    <message>
        <source>request type unknown</source>
        <translation>请求类型未知</translation>
    </message>
    <message>
        <source>no e-mail, phone or account</source>
        <translation>缺少电子邮箱、电话或账号</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>FormImportDialog</name>
    <message>
        <source>Import web-form export</source>
        <translation>导入网页表单导出文件</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>未选择文件。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Stop import</source>
        <translation>停止导入</translation>
    </message>
    <message>
        <source>Choose a web-form export</source>
        <translation>选择网页表单导出文件</translation>
    </message>
    <message>
        <source>Form exports (*.csv *.xlsx);;All files (*)</source>
        <translation>表单导出文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Encoding: %1</source>
        <translation>编码：%1</translation>
    </message>
    <message>
        <source>(not in this export)</source>
        <translation>（此导出文件中没有）</translation>
    </message>
    <message>
        <source>%1 rows; %2 need a look after import.</source>
        <translation>共 %1 行；导入后有 %2 行需人工查看。</translation>
    </message>
    <message>
        <source>An unexpected error occurred (%1).</source>
        <translation>发生意外错误（%1）。</translation>
    </message>
    <message>
        <source>%1 imported, %2 already present, %3 skipped, %4 failed; %5 need review.</source>
        <translation>已导入 %1 条，已存在 %2 条，跳过 %3 条，失败 %4 条；%5 条需人工核对。</translation>
    </message>
    <message>
        <source>Stopped; the rows before were kept.</source>
        <translation>已停止；之前导入的行已保留。</translation>
    </message>
</context>
<context>
    <name>Ground</name>
    <message>
        <source>National security or defence</source>
        <translation>与国家安全、国防安全直接相关</translation>
    </message>
    <message>
        <source>Public safety, health or major interest</source>
        <translation>与公共安全、公共卫生、重大公共利益直接相关</translation>
    </message>
    <message>
        <source>Criminal investigation or trial</source>
        <translation>与刑事侦查、起诉、审判和判决执行等直接相关</translation>
    </message>
    <message>
        <source>Life or property of a person at stake</source>
        <translation>维护个人信息主体或他人的生命、财产等重大合法权益</translation>
    </message>
    <message>
        <source>Made public by the data subject</source>
        <translation>个人信息主体自行公开的信息</translation>
    </message>
    <message>
        <source>Laws provide otherwise</source>
        <translation>法律、行政法规另有规定</translation>
    </message>
    <message>
        <source>Statutory retention period running</source>
        <translation>法定保存期限未届满</translation>
    </message>
    <message>
        <source>Needed for a legal obligation</source>
        <translation>履行法定义务所必需</translation>
    </message>
    <message>
        <source>Bad faith or abuse of rights</source>
        <translation>主观恶意或滥用权利</translation>
    </message>
    <message>
        <source>Would seriously harm others</source>
        <translation>将严重损害他人合法权益</translation>
    </message>
    <message>
        <source>Trade secret</source>
        <translation>涉及商业秘密</translation>
    </message>
    <message>
        <source>Identity not verified</source>
        <translation>身份未核验</translation>
    </message>
    <message>
        <source>Manifestly unfounded</source>
        <translation>明显缺乏依据</translation>
    </message>
    <message>
        <source>Excessive or repetitive</source>
        <translation>明显过度或重复</translation>
    </message>
    <message>
        <source>Data subject cannot be identified</source>
        <translation>无法识别个人信息主体</translation>
    </message>
    <message>
        <source>Rights and freedoms of others</source>
        <translation>影响他人的权利和自由</translation>
    </message>
    <message>
        <source>Freedom of expression</source>
        <translation>言论和信息自由</translation>
    </message>
    <message>
        <source>Public health</source>
        <translation>公共卫生</translation>
    </message>
    <message>
        <source>Archiving, research or statistics</source>
        <translation>存档、科研或统计目的</translation>
    </message>
    <message>
        <source>Legal claims</source>
        <translation>法律主张</translation>
    </message>
    <message>
        <source>Compelling legitimate grounds</source>
        <translation>令人信服的正当理由</translation>
    </message>
    <message>
        <source>Restriction under national law</source>
        <translation>法律规定的限制</translation>
    </message>
    <message>
        <source>Request not verifiable</source>
        <translation>无法核实请求</translation>
    </message>
    <message>
        <source>Statutory exemption</source>
        <translation>法定豁免</translation>
    </message>
    <message>
        <source>Specific pieces not to be disclosed</source>
        <translation>不得披露的特定信息</translation>
    </message>
    <message>
        <source>Needed to complete the transaction</source>
        <translation>完成交易所必需</translation>
    </message>
    <message>
        <source>Security and integrity</source>
        <translation>保障安全和完整性</translation>
    </message>
    <message>
        <source>Expected internal uses</source>
        <translation>符合合理预期的内部用途</translation>
    </message>
</context>
<context>
    <name>HandlerChoice</name>
    <message>
        <source>No staff list yet: any user name is taken. Add the team in Settings › Staff and roles to choose handlers from it.</source>
        <translation>尚无人员名单：任何用户名均可接受。请在“设置 › 人员与角色”中添加团队成员，以便从名单中选择经办人。</translation>
    </message>
    <message>
        <source>Nobody chosen: the handler stays as it is.</source>
        <translation>未选择：经办人保持不变。</translation>
    </message>
    <message>
        <source>Not (or no longer) an active staff member: the case keeps this handler unless you choose one from the list.</source>
        <translation>不是（或已不再是）在职人员：除非从名单中另选，本案件保留该经办人。</translation>
    </message>
    <message>
        <source>Not an active staff member: choose one from the list, or add them in Settings › Staff and roles first.</source>
        <translation>不是在职人员：请从名单中选择，或先在“设置 › 人员与角色”中添加。</translation>
    </message>
</context>
<context>
    <name>ImagePicker</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(image)</source>
        <translation>（图片）</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import messages</source>
        <translation>导入邮件</translation>
    </message>
    <message>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>电子邮件 (*.eml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a folder of messages</source>
        <translation>导入邮件文件夹</translation>
    </message>
    <message>
        <source>Importing messages…</source>
        <translation>正在导入邮件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Import stopped: the disk is full</source>
        <translation>导入已停止：磁盘已满</translation>
    </message>
    <message>
        <source>%1 imported, %2 already present, %3 failed; %4 need review.</source>
        <translation>已导入 %1 封，已存在 %2 封，失败 %3 封；%4 个案件需人工核对。</translation>
    </message>
    <message>
        <source>not imported: the disk is full</source>
        <translation>未导入：磁盘已满</translation>
    </message>
    <message>
        <source>The import was cancelled; the files before it were kept.</source>
        <translation>导入已取消；之前导入的文件已保留。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Anonymise</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <source>Keep (legal hold)</source>
        <translation>保留（法定保存）</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <source>Categories of personal information</source>
        <translation>个人信息类别</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>On deletion</source>
        <translation>删除时</translation>
    </message>
    <message>
        <source>Held under rule</source>
        <translation>保存依据规则</translation>
    </message>
    <message>
        <source>Add or update category</source>
        <translation>添加或更新类别</translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation>删除类别</translation>
    </message>
    <message>
        <source>Retention rules</source>
        <translation>保存期限规则</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation type="vanished">起算</translation>
    </message>
    <message>
        <source>Counted from (Chinese)</source>
        <translation>起算事件（中文）</translation>
    </message>
    <message>
        <source>Counted from (English)</source>
        <translation>起算事件（英文）</translation>
    </message>
    <message>
        <source>Legal source</source>
        <translation type="vanished">法律依据</translation>
    </message>
    <message>
        <source>Legal source (Chinese)</source>
        <translation>法律依据（中文）</translation>
    </message>
    <message>
        <source>Legal source (English)</source>
        <translation>法律依据（英文）</translation>
    </message>
    <message>
        <source>Add or update rule</source>
        <translation>添加或更新规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Save inventory</source>
        <translation>保存数据清单</translation>
    </message>
    <message>
        <source>Restore shipped inventory</source>
        <translation>恢复内置数据清单</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>有未保存的更改。</translation>
    </message>
    <message>
        <source>Retention rule “%1”</source>
        <translation>保存期限规则“%1”</translation>
    </message>
    <message>
        <source>Category “%1”</source>
        <translation>个人信息类别“%1”</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The data inventory is saved; new deletions are planned with it.</source>
        <translation>数据清单已保存；新的删除将按此规划。</translation>
    </message>
</context>
<context>
    <name>JurisdictionRulesModel</name>
    <message>
        <source>Jurisdiction</source>
        <translation>适用法域</translation>
    </message>
    <message>
        <source>Request kind</source>
        <translation>请求类型</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>起算事件</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Legal source</source>
        <translation>法律依据</translation>
    </message>
    <message numerus="yes">
        <source>%n calendar day(s)</source>
        <translation>
            <numerusform>%n 个自然日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n business day(s)</source>
        <translation>
            <numerusform>%n 个营业日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>identity verified</source>
        <translation>身份核验完成</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>收到请求</translation>
    </message>
</context>
<context>
    <name>Jurisdictions</name>
    <message>
        <source>Australia</source>
        <translation>澳大利亚</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>巴西</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>瑞士</translation>
    </message>
    <message>
        <source>Mainland China</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>European Union</source>
        <translation>欧盟</translation>
    </message>
    <message>
        <source>Hong Kong, China</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>India</source>
        <translation>印度</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>泰国</translation>
    </message>
    <message>
        <source>Taiwan, China</source>
        <translation>中国台湾</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>California, United States</source>
        <translation>美国加利福尼亚州</translation>
    </message>
</context>
<context>
    <name>JurisdictionsPage</name>
    <message>
        <source>Save default</source>
        <translation>保存默认值</translation>
    </message>
    <message>
        <source>Default jurisdiction when a message points to none:</source>
        <translation>邮件未指向任何法域时的默认法域：</translation>
    </message>
    <message>
        <source>Triage now proposes %1 when nothing points elsewhere.</source>
        <translation>没有其他线索时，分拣将建议 %1。</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Access</source>
        <translation>查阅</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正补充</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Account cancellation</source>
        <translation>注销账号</translation>
    </message>
    <message>
        <source>Consent withdrawal</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <source>Objection / restriction</source>
        <translation>限制或拒绝处理</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解释说明</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>Regulator inquiry</source>
        <translation>监管问询</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Not a request</source>
        <translation>非权利请求</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>zh</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LanguageName</name>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德文</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法文</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙文</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利文</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙文</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>荷兰文</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰文</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>捷克文</translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation>克罗地亚文</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日文</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩文</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Language not changed</source>
        <translation>未切换语言</translation>
    </message>
    <message>
        <source>Privacy Desk is still at work (importing messages or making the demo). Choose the language again once it has finished.</source>
        <translation>Privacy Desk 仍在处理（导入邮件或生成演示数据）。完成后请重新选择语言。</translation>
    </message>
    <message>
        <source>Close the open dialog first, then choose the language again. The window is redrawn in the new language, and what you typed in the dialog would not be kept.</source>
        <translation>请先关闭已打开的对话框，再重新选择语言。切换语言会以新语言重绘窗口，对话框中已输入的内容将无法保留。</translation>
    </message>
    <message>
        <source>Close “%1” first, then choose the language again. The window is redrawn in the new language, and what you typed in the dialog would not be kept.</source>
        <translation>请先关闭“%1”，再重新选择语言。切换语言会以新语言重绘窗口，对话框中已输入的内容将无法保留。</translation>
    </message>
</context>
<context>
    <name>LegalSource</name>
    <message>
        <source>confirmed</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>confirmed indirectly</source>
        <translation>间接核实</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>未核实</translation>
    </message>
</context>
<context>
    <name>LetterController</name>
    <message>
        <source>Save letter</source>
        <translation>保存函件</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Letter not produced</source>
        <translation>函件未生成</translation>
    </message>
    <message>
        <source>Correct the requester&apos;s name in Case › Workflow › Requester details… if it carries characters that are not part of it (e.g. emoji).</source>
        <translation>如申请人姓名中含有不属于姓名的字符（例如表情符号），请在“案件 › 办理 › 申请人信息…”中更正。</translation>
    </message>
</context>
<context>
    <name>LetterMenu</name>
    <message>
        <source>The receipt date is in the future or long past: confirm it first (Case › Clock › Confirm receipt date…).</source>
        <translation>收到日期在未来或过于久远：请先确认（案件 › 计时 › 确认收到日期…）。</translation>
    </message>
    <message>
        <source>The receipt date is not confirmed yet: confirm it first (Case › Clock › Confirm receipt date…).</source>
        <translation>收到日期尚未确认：请先确认（案件 › 计时 › 确认收到日期…）。</translation>
    </message>
    <message>
        <source>Part of the requester&apos;s name was lost in the mail: confirm or correct it first (Case › Workflow › Requester details…).</source>
        <translation>请求人的姓名有一部分在邮件传输中丢失：请先确认或更正（案件 › 办理 › 申请人信息…）。</translation>
    </message>
    <message>
        <source>The requester&apos;s identity is not verified yet (Case › Workflow › Identity check…).</source>
        <translation>请求人的身份尚未核验（案件 › 办理 › 身份核验…）。</translation>
    </message>
    <message>
        <source>Nothing is recorded as deleted yet: plan the deletion and mark the data categories done (Case › Workflow).</source>
        <translation>尚未记录任何已删除的信息：请先规划删除，并将各数据类别标记为已完成（案件 › 办理）。</translation>
    </message>
    <message>
        <source>Nothing is recorded as exported yet: record the copy of the data categories and mark each done (Case › Workflow › Data categories…).</source>
        <translation type="vanished">尚未记录任何已导出（复制）的个人信息：请记录各数据类别的复制并逐项标记为已完成（案件 › 办理 › 数据类别…）。</translation>
    </message>
    <message>
        <source>Nothing is recorded as exported yet: plan the copy (Case › Workflow › Plan the copy over the inventory), then mark each data category done (Case › Workflow › Data categories…).</source>
        <translation>尚未记录任何已导出（复制）的个人信息：请先按数据清单规划复制（案件 › 办理 › 按数据清单规划复制），再逐项将数据类别标记为已完成（案件 › 办理 › 数据类别…）。</translation>
    </message>
    <message>
        <source>Not every data category of the copy is marked exported yet: mark each done (Case › Workflow › Data categories…).</source>
        <translation>尚未将复制所涉的每个数据类别标记为已导出：请逐项标记为已完成（案件 › 办理 › 数据类别…）。</translation>
    </message>
    <message>
        <source>The case has no deadline yet.</source>
        <translation>此案件尚无答复期限。</translation>
    </message>
    <message>
        <source>The deadline was not extended (Case › Clock › Extend the deadline…).</source>
        <translation>答复期限未延长（案件 › 计时 › 延长期限…）。</translation>
    </message>
    <message>
        <source>The original due date has passed: an extension notice must go out before it.</source>
        <translation>原答复期限已过：延期告知函须在此之前发出。</translation>
    </message>
    <message>
        <source>No refusal grounds recorded yet (Case › Workflow › Answer…).</source>
        <translation>尚未记录拒绝理由（案件 › 办理 › 答复…）。</translation>
    </message>
    <message>
        <source>The requester&apos;s identity is already verified.</source>
        <translation>请求人的身份已核验。</translation>
    </message>
    <message>
        <source>The case is already answered: there is nothing left to acknowledge or ask.</source>
        <translation>案件已答复：无需再发送受理回执或向请求人询问。</translation>
    </message>
    <message>
        <source>The case is closed without an answer (withdrawn, duplicate, not a request or unverifiable).</source>
        <translation>案件未经答复即已结案（已撤回、重复请求、非权利请求或无法核验身份）。</translation>
    </message>
    <message>
        <source>The case has no requester to write to: record who made the request first (Case › Workflow › Requester details…).</source>
        <translation>本案没有可发函的请求人：请先记录提出请求的人（案件 › 办理 › 申请人信息…）。</translation>
    </message>
    <message>
        <source>The case is already answered: there is nothing left to ask.</source>
        <translation type="vanished">案件已答复：无需再向请求人询问。</translation>
    </message>
    <message>
        <source>No answer recorded yet (Case › Workflow › Answer…).</source>
        <translation>尚未记录答复结果（案件 › 办理 › 答复…）。</translation>
    </message>
    <message>
        <source>The request was refused: send the refusal letter instead.</source>
        <translation>该请求已被拒绝：请改发拒绝函。</translation>
    </message>
    <message>
        <source>The request was met in part: send the partial refusal letter instead.</source>
        <translation>该请求已部分办理：请改发部分拒绝函。</translation>
    </message>
    <message>
        <source>The request was met in full: it needs no refusal letter.</source>
        <translation>该请求已全部办理：无需发送拒绝函。</translation>
    </message>
    <message>
        <source>The due date has passed: the letter would promise an answer by a day already gone.</source>
        <translation>答复期限已届满：此函件会承诺在已过去的日期前答复。</translation>
    </message>
    <message>
        <source>No letter answers this kind of case</source>
        <translation>没有适用于此类案件的函件</translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message>
        <source>Select a letter to preview it.</source>
        <translation>选择一份函件以预览。</translation>
    </message>
    <message>
        <source>This letter&apos;s PDF cannot be shown (damaged file).</source>
        <translation>无法显示此函件的 PDF（文件已损坏）。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterTemplate</name>
    <message>
        <source>Acknowledgement</source>
        <translation>受理确认函</translation>
    </message>
    <message>
        <source>Identity request</source>
        <translation>身份核验通知</translation>
    </message>
    <message>
        <source>Clarification request</source>
        <translation>澄清请求函</translation>
    </message>
    <message>
        <source>Extension notice</source>
        <translation>延期告知函</translation>
    </message>
    <message>
        <source>Access response</source>
        <translation>查阅答复函</translation>
    </message>
    <message>
        <source>Correction done</source>
        <translation>更正完成告知函</translation>
    </message>
    <message>
        <source>Deletion done</source>
        <translation>删除完成告知函</translation>
    </message>
    <message>
        <source>Account cancellation confirmation</source>
        <translation>注销账号确认函</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation>拒绝答复函</translation>
    </message>
    <message>
        <source>Partial refusal</source>
        <translation>部分拒绝答复函</translation>
    </message>
    <message>
        <source>Complaint response</source>
        <translation>投诉答复函</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>撤回同意办理结果告知函</translation>
    </message>
    <message>
        <source>Objection met</source>
        <translation>限制或拒绝处理办理结果告知函</translation>
    </message>
    <message>
        <source>Explanation given</source>
        <translation>处理规则解释说明函</translation>
    </message>
</context>
<context>
    <name>LetterheadPage</name>
    <message>
        <source>Default: the privacy contact</source>
        <translation>默认：个人信息保护联系人</translation>
    </message>
    <message>
        <source>Default: the Chinese name</source>
        <translation>默认：中文名称</translation>
    </message>
    <message>
        <source>Default: the Chinese address</source>
        <translation>默认：中文地址</translation>
    </message>
    <message>
        <source>Company name (Chinese) *</source>
        <translation>公司名称（中文）*</translation>
    </message>
    <message>
        <source>Company name (English)</source>
        <translation>公司名称（英文）</translation>
    </message>
    <message>
        <source>Address (Chinese) *</source>
        <translation>地址（中文）*</translation>
    </message>
    <message>
        <source>Address (English)</source>
        <translation>地址（英文）</translation>
    </message>
    <message>
        <source>Company name (Traditional Chinese)</source>
        <translation>公司名称（繁体中文）</translation>
    </message>
    <message>
        <source>Address (Traditional Chinese)</source>
        <translation>地址（繁体中文）</translation>
    </message>
    <message>
        <source>Privacy contact *</source>
        <translation>个人信息保护联系人 *</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Complaint channel</source>
        <translation>投诉举报渠道</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Signature or seal</source>
        <translation>签名或印章</translation>
    </message>
    <message>
        <source>Save letterhead</source>
        <translation>保存信头</translation>
    </message>
    <message>
        <source>Restore default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Stored in the database for the whole team.</source>
        <translation>保存在数据库中，全团队通用。</translation>
    </message>
    <message>
        <source>Showing the shipped default (nothing stored yet).</source>
        <translation>显示内置默认值（尚未保存任何内容）。</translation>
    </message>
    <message>
        <source>The letterhead is saved; new letters print it.</source>
        <translation>信头已保存；新函件将使用它。</translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Bilingual</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Bilingual (Traditional Chinese)</source>
        <translation>双语（繁体中文）</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Privacy Desk is locked</source>
        <translation>Privacy Desk 已锁定</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Privacy Desk locked itself after a period without activity. Enter the database passphrase to continue.</source>
        <translation>Privacy Desk 因一段时间无操作已自动锁定。请输入数据库口令以继续。</translation>
    </message>
    <message>
        <source>Privacy Desk locked itself after a period without activity. Click Unlock to continue: the key is read again from this computer&apos;s keyring, which your login protects. Lock your computer when you leave it.</source>
        <translation>Privacy Desk 因一段时间无操作已自动锁定。点击“解锁”继续：密钥将从本机钥匙串重新读取，钥匙串受您的系统登录保护。离开时请锁定计算机。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Privacy Desk</source>
        <translation>Privacy Desk</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in this view · signed in as %1</source>
        <translation>
            <numerusform>当前视图 %n 个案件 · 登录用户 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Folder to watch for messages</source>
        <translation>监视邮件的文件夹</translation>
    </message>
    <message>
        <source>Watching %1 for new messages.</source>
        <translation>正在监视 %1 中的新邮件。</translation>
    </message>
    <message>
        <source>No folder is watched now.</source>
        <translation>现在没有监视任何文件夹。</translation>
    </message>
    <message>
        <source>Watched folder: %1 new cases</source>
        <translation>监视文件夹：新增 %1 个案件</translation>
    </message>
    <message>
        <source>%1 cases in this view · signed in as %2</source>
        <translation type="vanished">当前视图 %1 个案件 · 登录用户 %2</translation>
    </message>
    <message>
        <source>Case not shown</source>
        <translation>无法显示案件</translation>
    </message>
    <message>
        <source>Letter %1 v%2 stored (SHA-256 %3…) and saved.</source>
        <translation>函件 %1 第 %2 版已存档（SHA-256 %3…）并保存。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>Add a &amp;note</source>
        <translation>添加备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Batch letters…</source>
        <translation>批量函件(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import messages…</source>
        <translation>导入邮件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Import a we&amp;b form (CSV, Excel)…</source>
        <translation>导入网页表单导出文件(&amp;B)…</translation>
    </message>
    <message>
        <source>W&amp;atch a folder for messages…</source>
        <translation>监视邮件文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>Stop watc&amp;hing the folder</source>
        <translation>停止监视文件夹(&amp;H)</translation>
    </message>
    <message>
        <source>Try it with &amp;demo data</source>
        <translation>用演示数据试用(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>案件列表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>仪表盘(&amp;D)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>An unexpected error occurred (%1). Nothing was changed.</source>
        <translation>发生意外错误（%1）。未作任何更改。</translation>
    </message>
</context>
<context>
    <name>Method</name>
    <message>
        <source>Signed in to the account</source>
        <translation>账号登录</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>身份证件</translation>
    </message>
    <message>
        <source>Face verification</source>
        <translation>人脸识别</translation>
    </message>
    <message>
        <source>Known correspondence address</source>
        <translation>已知通信地址</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>NewCaseController</name>
    <message>
        <source>Case not created</source>
        <translation>案件未创建</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>A request received by phone, by letter or in person. The deadline runs from the time it was received.</source>
        <translation>通过电话、信函或当面收到的请求。期限自收到之时起算。</translation>
    </message>
    <message>
        <source>What the person asks for, in their words</source>
        <translation>对方的请求内容（按其原话）</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>收到方式</translation>
    </message>
    <message>
        <source>Received at (%1)</source>
        <translation>收到时间（%1）</translation>
    </message>
    <message>
        <source>Requester&apos;s name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>适用法域</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Link the case to this data subject</source>
        <translation>将案件关联到该个人信息主体</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>account ID</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <source>The %1 matches the existing data subject “%2” (%3).</source>
        <translation>该%1与已有的个人信息主体“%2”相符（%3）。</translation>
    </message>
    <message>
        <source>no name stored</source>
        <translation>未登记姓名</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s): </source>
        <translation>
            <numerusform>共 %n 个案件：</numerusform>
        </translation>
    </message>
    <message>
        <source>A new data subject is recorded; the %1 stays with the existing one and is noted on the case.</source>
        <translation>将登记为新的个人信息主体；该%1仍归属已有的个人信息主体，并记录在本案件中。</translation>
    </message>
    <message>
        <source>The name typed is kept on the case as the name the requester gave.</source>
        <translation>所填姓名将作为申请人自报的姓名保留在本案件中。</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters; shorten it.</source>
        <translation>姓名超过 %1 个字符，请缩短。</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Internal note (never shown to the requester)</source>
        <translation>内部备注（不向申请人展示）</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>添加备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Fulfilled</source>
        <translation>已满足</translation>
    </message>
    <message>
        <source>Partially fulfilled</source>
        <translation>部分满足</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Identity not verifiable</source>
        <translation>无法核验身份</translation>
    </message>
    <message>
        <source>Not a request</source>
        <translation>非权利请求</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Redirected to self-service</source>
        <translation>已引导自助办理</translation>
    </message>
</context>
<context>
    <name>Pause</name>
    <message>
        <source>waiting for identity proof</source>
        <translation>等待身份证明</translation>
    </message>
    <message>
        <source>waiting for clarification</source>
        <translation>等待澄清</translation>
    </message>
    <message>
        <source>waiting for the fee</source>
        <translation>等待缴费</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Clock stopped since %1: %2</source>
        <translation>自 %1 起暂停计时：%2</translation>
    </message>
    <message>
        <source>Clock stopped %1 – %2: %3</source>
        <translation>%1 – %2 暂停计时：%3</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Stop the clock</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>While the case waits for the requester (identity proof, clarification, a fee) the clock stops where the rule allows it; the deadline moves when it restarts.</source>
        <translation>案件等待申请人（身份证明、澄清、费用）期间，规则允许时暂停计时；恢复计时后期限相应顺延。</translation>
    </message>
    <message>
        <source>First paused day</source>
        <translation>暂停首日</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待事项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>适用法域</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>cites “%1”</source>
        <translation>引用“%1”</translation>
    </message>
    <message>
        <source>names “%1”</source>
        <translation>提及“%1”</translation>
    </message>
    <message>
        <source>“%1” in the subject</source>
        <translation>主题中有“%1”</translation>
    </message>
    <message>
        <source>“%1” in the text</source>
        <translation>正文中有“%1”</translation>
    </message>
    <message>
        <source>mentions “%1”</source>
        <translation>提到“%1”</translation>
    </message>
    <message>
        <source>written in %1 script</source>
        <translation>以%1书写</translation>
    </message>
    <message>
        <source>common words of “%1”</source>
        <translation>“%1”的常用词</translation>
    </message>
    <message>
        <source>usual law for language “%1”</source>
        <translation>“%1”语言通常适用的法律</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>发件人：%1</translation>
    </message>
    <message>
        <source>address given in the letter: %1</source>
        <translation>信中提供的地址：%1</translation>
    </message>
    <message>
        <source>nothing decisive: default</source>
        <translation>无决定性依据：默认值</translation>
    </message>
    <message>
        <source>form field %1</source>
        <translation>表单字段 %1</translation>
    </message>
    <message>
        <source>only a weak hint “%1”</source>
        <translation>仅有较弱提示“%1”</translation>
    </message>
    <message>
        <source>no request words known for this language</source>
        <translation>该语言暂无可识别的请求用语</translation>
    </message>
    <message>
        <source>system sender %1 set aside</source>
        <translation>系统发件人 %1（不作为请求人）</translation>
    </message>
    <message>
        <source>Reply-To: %1</source>
        <translation>回复地址：%1</translation>
    </message>
    <message>
        <source>phone country code %1</source>
        <translation>电话国家/地区代码 %1</translation>
    </message>
    <message>
        <source>mail domain %1</source>
        <translation>邮箱域名 %1</translation>
    </message>
    <message>
        <source>time limit stated in the letter: “%1”</source>
        <translation>来函所述期限：“%1”</translation>
    </message>
    <message>
        <source>no time limit stated: no deadline computed</source>
        <translation>来函未载明期限：未计算答复期限</translation>
    </message>
    <message>
        <source>forwarded message from %1</source>
        <translation>转发邮件的原发件人：%1</translation>
    </message>
    <message>
        <source>forwarded by %1</source>
        <translation>由 %1 转发</translation>
    </message>
    <message>
        <source>government mail domain %1, not a listed regulator</source>
        <translation>政府邮件域名 %1，不在监管机构名单中</translation>
    </message>
    <message>
        <source>regulator&apos;s mail domain %1</source>
        <translation>监管机构邮件域名 %1</translation>
    </message>
    <message>
        <source>names the regulator “%1”</source>
        <translation>提及监管机构“%1”</translation>
    </message>
    <message>
        <source>first by the company on %1</source>
        <translation>公司最先于 %1 收到</translation>
    </message>
    <message>
        <source>forwarded to the privacy team on %1</source>
        <translation>于 %1 转发至个人信息保护团队</translation>
    </message>
    <message>
        <source>the original&apos;s date not used: %1</source>
        <translation>未采用原始邮件的日期：%1</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>day and month could be swapped</source>
        <translation>日与月可能互换</translation>
    </message>
    <message>
        <source>later than the forward</source>
        <translation>晚于转发时间</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>晚于当前时间</translation>
    </message>
    <message>
        <source>more than 92 days before the forward</source>
        <translation>早于转发时间92天以上</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Confirm the receipt date</source>
        <translation>确认收到日期</translation>
    </message>
    <message>
        <source>The message had no usable date; enter when it reached you, e.g. from the mail server&apos;s log. The deadline is counted again from this day.</source>
        <translation>该邮件没有可用的日期；请填写邮件实际送达的时间，例如依据邮件服务器的日志。期限将自该日重新计算。</translation>
    </message>
    <message>
        <source>the message&apos;s Date: header</source>
        <translation>邮件的 Date: 头字段</translation>
    </message>
    <message>
        <source>the mail server&apos;s Received: header</source>
        <translation>邮件服务器的 Received: 头字段</translation>
    </message>
    <message>
        <source>the time the file was last changed</source>
        <translation>文件的最后修改时间</translation>
    </message>
    <message>
        <source>the time it was imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>an entry by staff or the web form</source>
        <translation>工作人员录入或网页表单填写的时间</translation>
    </message>
    <message>
        <source>Recorded as received on %1, taken from %2. Correct it only if the request reached you at another time, e.g. a letter that came by post before it was scanned. The deadline is counted again from the new day.</source>
        <translation>记录的收到时间为 %1，取自%2。仅当请求实际在其他时间送达时才更正，例如信件经邮寄送达后才扫描。答复期限将自新的日期重新计算。</translation>
    </message>
    <message>
        <source>Correct the receipt date</source>
        <translation>更正收到日期</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>In doubt</source>
        <translation>存疑原因</translation>
    </message>
    <message>
        <source>Taken from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>The receipt date cannot be in the future: enter when the message reached you.</source>
        <translation>收到日期不能晚于现在：请填写邮件实际送达的时间。</translation>
    </message>
    <message>
        <source>Receipt date not corrected</source>
        <translation>收到日期未更正</translation>
    </message>
    <message>
        <source>Receipt date not confirmed</source>
        <translation>收到日期未确认</translation>
    </message>
</context>
<context>
    <name>RecoveryOffer</name>
    <message>
        <source>Save the recovery key</source>
        <translation>保存恢复密钥</translation>
    </message>
    <message>
        <source>Save recovery sheet…</source>
        <translation>保存恢复页…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>The new case database is encrypted with a random key kept in this computer&apos;s keyring. If the keyring is lost (a reinstalled system, a new user profile), the cases cannot be opened by anyone, including us.

Save the recovery sheet now and print it: it holds the key as text and as a QR code (key check %1). Keep it locked away, as anyone holding it can read every case. You can print it later from Tools › Backup and keys.</source>
        <translation>新的案件数据库使用随机密钥加密，密钥保存在本机钥匙串中。如果钥匙串丢失（重装系统、新建用户配置），任何人（包括我们）都无法再打开这些案件。

请立即保存并打印恢复页：其中以文本和二维码形式记载密钥（密钥校验码 %1）。请妥善锁存，持有者可读取全部案件。之后也可在“工具 › 备份与密钥”中打印。</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>保存恢复页</translation>
    </message>
    <message>
        <source>Recovery sheet not saved</source>
        <translation>恢复页未保存</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Log the reply</source>
        <translation>登记答复</translation>
    </message>
    <message>
        <source>The clock restarts the day after the reply arrived.</source>
        <translation>自收到答复的次日起恢复计时。</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>网页表单</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>RequesterDialog</name>
    <message>
        <source>Requester details</source>
        <translation>申请人信息</translation>
    </message>
    <message>
        <source>Correct the data subject&apos;s details as the company holds them, e.g. a name that arrived with emoji or garbled characters. Letters produced from now on use them; letters already produced do not change. Leave the e-mail address or the phone number empty to remove it.</source>
        <translation>更正公司所持有的个人信息主体信息，例如随邮件带入表情符号或乱码的姓名。此后生成的函件将使用更正后的信息；已生成的函件不变。将电子邮件地址或电话号码留空即可删除该项。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Part of this name was lost in the mail, or invisible characters were removed from it: check it against the original message. Saving confirms the name, and letters may greet the requester by it again.</source>
        <translation>此姓名有一部分在邮件传输中丢失，或已从中删除不可见字符：请与原始邮件核对。保存即确认该姓名，此后函件可再以此称呼请求人。</translation>
    </message>
    <message numerus="yes">
        <source>This requester has %n other case(s); the correction applies to them too.</source>
        <translation>
            <numerusform>该申请人另有 %n 个案件；本次更正同样适用于这些案件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Case not changed</source>
        <translation>案件未更改</translation>
    </message>
</context>
<context>
    <name>RespondDialog</name>
    <message>
        <source>Answer the request</source>
        <translation>答复请求</translation>
    </message>
    <message>
        <source>A refusal or partial refusal needs at least one ground from the list of the case&apos;s jurisdiction, and a second person&apos;s sign-off.</source>
        <translation>拒绝或部分拒绝须至少选择一项该法域列明的拒绝理由，并经第二人复核签批。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Refusal grounds</source>
        <translation>拒绝理由</translation>
    </message>
    <message>
        <source>What they mean here</source>
        <translation>在本案中的具体说明</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Restart the clock</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>The reply arrived: the clock restarts the day after the last paused day.</source>
        <translation>已收到答复：自最后一个暂停日的次日起恢复计时。</translation>
    </message>
    <message>
        <source>Last paused day</source>
        <translation>最后暂停日</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Retention rules of the data inventory</source>
        <translation>数据清单的保存期限规则</translation>
    </message>
    <message>
        <source>Case records</source>
        <translation>案件记录</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Anonymise closed cases after</source>
        <translation>结案后匿名化的期限</translation>
    </message>
    <message>
        <source>Purge ID documents after verification</source>
        <translation>身份核验后清除身份证件的期限</translation>
    </message>
    <message>
        <source>Company policy: 36 months covers the three-year limitation period of civil claims (Civil Code Art. 188); ID documents serve only the identity check (PIPL Art. 50).</source>
        <translation>公司政策：36 个月覆盖民事诉讼三年的诉讼时效（《民法典》第一百八十八条）；身份证件仅用于身份核验（《个人信息保护法》第五十条）。</translation>
    </message>
    <message>
        <source>Save retention periods</source>
        <translation>保存上述期限</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1（自%2起）</translation>
    </message>
    <message numerus="yes">
        <source>statutory minimum %n month(s)</source>
        <translation>
            <numerusform>法定最短 %n 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>The retention periods are saved.</source>
        <translation>保存期限已保存。</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No refusal grounds recorded.</source>
        <translation>尚未记录拒绝理由。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ReviewDecisionDialog</name>
    <message>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Approve, or reject with the reason the handler will read.</source>
        <translation>批准，或填写驳回理由（经办人可见）后驳回。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>拒绝理由</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>ReviewRequestDialog</name>
    <message>
        <source>Ask for review</source>
        <translation>提请复核</translation>
    </message>
    <message>
        <source>A second person, not the handler, signs off deletions, refusals and letters. A refusal is signed off with its grounds: tick them here.</source>
        <translation>删除、拒绝和每封函件须由经办人以外的另一人签核。拒绝须连同其理由签核：请在此勾选理由。</translation>
    </message>
    <message>
        <source>Refusal grounds</source>
        <translation>拒绝理由</translation>
    </message>
    <message>
        <source>What they mean here</source>
        <translation>在本案中的具体说明</translation>
    </message>
    <message>
        <source>A second person, not the handler, signs off deletions, refusals and letters.</source>
        <translation type="vanished">删除、拒绝和函件须由经办人以外的第二人复核签批。</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation type="vanished">删除</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation type="vanished">拒绝</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>签批事项</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>起算</translation>
    </message>
    <message>
        <source>Legal source</source>
        <translation>法律依据</translation>
    </message>
</context>
<context>
    <name>SafetyControls</name>
    <message>
        <source>Backup and &amp;keys…</source>
        <translation>备份与密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Backup and keys</source>
        <translation>备份与密钥</translation>
    </message>
    <message>
        <source>Backups and keys of the team server are kept by its administrator (pg_dump, the server&apos;s encryption); this page is for the local database.</source>
        <translation>团队服务器的备份和密钥由其管理员负责（pg_dump、服务器端加密）；本页仅适用于本地数据库。</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>Privacy Desk backup (*%1);;All files (*)</source>
        <translation>Privacy Desk 备份 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backup and keys</source>
        <translation>备份与密钥</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Backup passphrase (optional)</source>
        <translation>备份口令（可选）</translation>
    </message>
    <message>
        <source>Leave empty to encrypt the backup with the database key.</source>
        <translation>留空则使用数据库密钥加密备份。</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore into a new file…</source>
        <translation>恢复到新文件(&amp;R)…</translation>
    </message>
    <message>
        <source>Encryption key</source>
        <translation>加密密钥</translation>
    </message>
    <message>
        <source>New passphrase (at least 8 characters)</source>
        <translation>新口令（至少 8 个字符）</translation>
    </message>
    <message>
        <source>Rotate the &amp;key…</source>
        <translation>更换密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>Save the recovery &amp;sheet…</source>
        <translation>保存恢复页(&amp;S)…</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Back up automatically</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>保留最新</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>空闲后锁定</translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation>自动备份文件夹</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>要恢复的备份</translation>
    </message>
    <message>
        <source>Restore into the new file</source>
        <translation>恢复到新文件</translation>
    </message>
    <message>
        <source>Rotate the key</source>
        <translation>更换密钥</translation>
    </message>
    <message>
        <source>The database is closed, re-encrypted under a new key and opened again. Finish imports first. Printed recovery sheets of the old key no longer open the database, but still open the backups made before: keep them with those backups.</source>
        <translation>数据库将被关闭、用新密钥重新加密后再次打开。请先完成导入。旧密钥的已打印恢复页将不能再打开数据库，但仍可打开此前制作的备份：请与这些备份一并保管。</translation>
    </message>
    <message>
        <source>The database is closed, re-encrypted under a new key and opened again. Finish imports first. Printed recovery sheets of the old key no longer work.</source>
        <translation type="vanished">数据库将被关闭、用新密钥重新加密后再次打开。请先完成导入。旧密钥的已打印恢复页将失效。</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>保存恢复页</translation>
    </message>
    <message>
        <source>Recovery sheet not saved</source>
        <translation>恢复页未保存</translation>
    </message>
    <message>
        <source>Recovery sheet saved to %1.</source>
        <translation>恢复页已保存到 %1。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Backup written to %1 and checked: %2 tables, %3 rows.</source>
        <translation>备份已写入 %1 并通过校验：%2 张表，%3 行。</translation>
    </message>
    <message>
        <source>Restored into %1 and checked: integrity ok, %2 tables with %3 rows, the same as in the backup. The database in use is unchanged.</source>
        <translation>已恢复到 %1 并通过校验：完整性正常，%2 张表共 %3 行，与备份一致。正在使用的数据库未改变。</translation>
    </message>
    <message>
        <source>The database is now encrypted with a new key; the old key no longer opens it.</source>
        <translation>数据库现已使用新密钥加密；旧密钥无法再打开。</translation>
    </message>
    <message>
        <source>The key is kept in this computer&apos;s keyring. Keep a printed recovery sheet.</source>
        <translation>密钥保存在本机钥匙串中。请保管好打印的恢复页。</translation>
    </message>
    <message>
        <source>This database is encrypted with a passphrase: the passphrase itself is what to keep safe; there is no recovery sheet.</source>
        <translation>此数据库使用口令加密：请妥善保管口令本身；口令加密没有恢复页。</translation>
    </message>
</context>
<context>
    <name>SavedView</name>
    <message>
        <source>Open</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Awaiting requester</source>
        <translation>等待申请人</translation>
    </message>
    <message>
        <source>In retention</source>
        <translation>保存期内</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
</context>
<context>
    <name>Script</name>
    <message>
        <source>Chinese characters</source>
        <translation type="vanished">汉字</translation>
    </message>
    <message>
        <source>Japanese kana</source>
        <translation type="vanished">日文假名</translation>
    </message>
    <message>
        <source>Korean Hangul</source>
        <translation type="vanished">韩文</translation>
    </message>
    <message>
        <source>Han (Chinese)</source>
        <translation>汉字</translation>
    </message>
    <message>
        <source>Kana (Japanese)</source>
        <translation>日文假名</translation>
    </message>
    <message>
        <source>Hangul (Korean)</source>
        <translation>韩文字母</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊字母</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>西里尔字母</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯字母</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来文</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰文</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>拉丁字母</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Only managers and administrators can change these settings; you can view them.</source>
        <translation>只有经理和管理员可以更改这些设置；您可以查看。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>信头</translation>
    </message>
    <message>
        <source>Staff and roles</source>
        <translation>人员与角色</translation>
    </message>
    <message>
        <source>Jurisdictions</source>
        <translation>法域</translation>
    </message>
    <message>
        <source>Holiday calendars</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Retention periods</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>Data inventory</source>
        <translation>数据清单</translation>
    </message>
</context>
<context>
    <name>SettingsErrors</name>
    <message>
        <source>%1 cannot be shorter than %2 months (%3).</source>
        <translation>%1不能短于 %2 个月（%3）。</translation>
    </message>
    <message>
        <source>The period</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation>%1%2。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>复核人</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>No staff yet: add yourself first, as an administrator or manager. From then on only active managers and administrators can change the settings.</source>
        <translation type="vanished">尚无人员：请先将自己添加为管理员或经理。此后只有在职的经理和管理员可以更改设置。</translation>
    </message>
    <message>
        <source>No staff yet: add yourself first (your user name is filled in), as an administrator or manager, then the others. From then on only active managers and administrators can change the settings.</source>
        <translation>尚无人员：请先添加您自己（已填入您的用户名），角色为管理员或经理，然后再添加其他人员。此后只有在职的经理和管理员可以更改设置。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存更改</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>已分拣</translation>
    </message>
    <message>
        <source>Awaiting requester</source>
        <translation>等待申请人</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>复核中</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>In retention</source>
        <translation>保存期内</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>TeamConnectDialog</name>
    <message>
        <source>Connect to team server</source>
        <translation>连接团队服务器</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>主机(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>端口(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring, not in settings.</source>
        <translation>密码保存在本机钥匙串中，而不是设置里。</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password is kept in memory for this run only and asked again at the next start.</source>
        <translation>本机没有钥匙串：密码仅在本次运行期间保存在内存中，下次启动时会再次询问。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Enter the host, the database and the user name.</source>
        <translation>请输入主机、数据库和用户名。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected: the team server and this login work.</source>
        <translation>已连接：团队服务器和此登录均可用。</translation>
    </message>
    <message>
        <source>An unexpected error occurred (%1).</source>
        <translation>发生意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>TeamControls</name>
    <message>
        <source>Connect to &amp;team server…</source>
        <translation>连接团队服务器(&amp;T)…</translation>
    </message>
    <message>
        <source>Live updates from the team server stopped; use Refresh.</source>
        <translation>团队服务器的实时更新已中断；请使用“刷新”。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Case created</source>
        <translation>案件已创建</translation>
    </message>
    <message>
        <source>Case viewed</source>
        <translation>案件查看</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>已分拣</translation>
    </message>
    <message>
        <source>Triage undone</source>
        <translation>撤销分拣</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Receipt date confirmed</source>
        <translation>收到日期已确认</translation>
    </message>
    <message>
        <source>Case file exported</source>
        <translation>案卷已导出</translation>
    </message>
    <message>
        <source>Case anonymised</source>
        <translation>案件已匿名化</translation>
    </message>
    <message>
        <source>Case data purged</source>
        <translation>案件数据已清除</translation>
    </message>
    <message>
        <source>Deadline computed</source>
        <translation>期限已计算</translation>
    </message>
    <message>
        <source>Clock stopped</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Clock restarted</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>期限已延长</translation>
    </message>
    <message>
        <source>Extension reason corrected</source>
        <translation>延期理由已更正</translation>
    </message>
    <message>
        <source>Deadline taken from the regulator&apos;s letter</source>
        <translation>按监管来函所述期限确定答复期限</translation>
    </message>
    <message>
        <source>Due date set by hand</source>
        <translation>已手动设定答复期限</translation>
    </message>
    <message>
        <source>Due date handed back to its rule</source>
        <translation>答复期限已恢复按规则计算</translation>
    </message>
    <message>
        <source>Identity checked</source>
        <translation>身份已核验</translation>
    </message>
    <message>
        <source>Requester details corrected</source>
        <translation>已更正申请人信息</translation>
    </message>
    <message>
        <source>Requester&apos;s name shortened</source>
        <translation>申请人姓名已截短</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Note withdrawn</source>
        <translation>撤回备注</translation>
    </message>
    <message>
        <source>Message recorded</source>
        <translation>登记往来消息</translation>
    </message>
    <message>
        <source>Party added</source>
        <translation>添加相关方</translation>
    </message>
    <message>
        <source>Category action planned</source>
        <translation>规划类别处理</translation>
    </message>
    <message>
        <source>Category action done</source>
        <translation>类别处理完成</translation>
    </message>
    <message>
        <source>Review requested</source>
        <translation>提请复核</translation>
    </message>
    <message>
        <source>Review decided</source>
        <translation>复核决定</translation>
    </message>
    <message>
        <source>Letter generated</source>
        <translation>函件已生成</translation>
    </message>
    <message>
        <source>Letter approved</source>
        <translation>函件已批准</translation>
    </message>
    <message>
        <source>Letter sent</source>
        <translation>函件已发送</translation>
    </message>
    <message>
        <source>Attachment copied out</source>
        <translation>附件已导出</translation>
    </message>
    <message>
        <source>Attachments purged</source>
        <translation>附件已清除</translation>
    </message>
    <message>
        <source>Reminder received</source>
        <translation>收到催办</translation>
    </message>
    <message>
        <source>Flagged as a possible duplicate of an earlier request</source>
        <translation>已标记为可能与较早的请求重复</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>TimelineDetail</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>答复渠道</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>适用法域</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>New data subject</source>
        <translation>新的个人信息主体</translation>
    </message>
    <message>
        <source>Original message SHA-256</source>
        <translation>原始邮件 SHA-256</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Evidence SHA-256</source>
        <translation>材料 SHA-256</translation>
    </message>
    <message>
        <source>Reason SHA-256</source>
        <translation>理由 SHA-256</translation>
    </message>
    <message>
        <source>Text SHA-256</source>
        <translation>内容 SHA-256</translation>
    </message>
    <message>
        <source>Form row</source>
        <translation>表单行</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>To</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>函件编号</translation>
    </message>
    <message>
        <source>Note no.</source>
        <translation>备注编号</translation>
    </message>
    <message>
        <source>Attachment no.</source>
        <translation>附件编号</translation>
    </message>
    <message>
        <source>Data category</source>
        <translation>数据类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <source>Legal basis of the hold</source>
        <translation>保存依据</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核验通过</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>复核事项</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Proof valid until</source>
        <translation>证明有效期至</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>标识信息</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>往来消息</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>相关方</translation>
    </message>
    <message>
        <source>Data subject unlinked</source>
        <translation>已解除与个人信息主体的关联</translation>
    </message>
    <message>
        <source>Retention (months)</source>
        <translation>保存期限（月）</translation>
    </message>
    <message>
        <source>Statutory deadline</source>
        <translation type="vanished">法定截止日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Acknowledgement due</source>
        <translation>回执截止日期</translation>
    </message>
    <message>
        <source>Extension notice due</source>
        <translation>延期通知截止日期</translation>
    </message>
    <message>
        <source>Extended deadline</source>
        <translation>延长后的截止日期</translation>
    </message>
    <message>
        <source>Internal target</source>
        <translation>内部目标</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>暂定</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Purge date</source>
        <translation>清除日期</translation>
    </message>
    <message>
        <source>Data categories still held</source>
        <translation>仍保留的数据类别</translation>
    </message>
    <message>
        <source>Possible duplicate of</source>
        <translation>可能重复于</translation>
    </message>
    <message>
        <source>Fields corrected</source>
        <translation>已更正的字段</translation>
    </message>
    <message>
        <source>Other cases of the requester</source>
        <translation>该申请人的其他案件</translation>
    </message>
    <message>
        <source>Name length (characters)</source>
        <translation>姓名长度（字符）</translation>
    </message>
    <message>
        <source>Characters kept</source>
        <translation>保留的字符数</translation>
    </message>
    <message>
        <source>Refusal grounds</source>
        <translation>拒绝理由</translation>
    </message>
    <message>
        <source>Time limit stated</source>
        <translation>来函所述期限</translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation>计算单位</translation>
    </message>
    <message>
        <source>Member state</source>
        <translation>成员国</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>First received by the company</source>
        <translation>公司最先收到</translation>
    </message>
    <message>
        <source>Forwarded to the privacy team</source>
        <translation>转发至个人信息保护团队</translation>
    </message>
    <message>
        <source>Time zone taken from the forward</source>
        <translation>时区取自转发邮件</translation>
    </message>
    <message>
        <source>The original&apos;s date not used</source>
        <translation>未采用原始邮件日期</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>imported e-mail</source>
        <translation>导入的邮件</translation>
    </message>
    <message>
        <source>imported web form</source>
        <translation>导入的网页表单</translation>
    </message>
    <message>
        <source>case created</source>
        <translation>案件创建</translation>
    </message>
    <message>
        <source>triage</source>
        <translation>分拣</translation>
    </message>
    <message>
        <source>triage undone</source>
        <translation>撤销分拣</translation>
    </message>
    <message>
        <source>clock stopped</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>clock restarted</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>deadline extended</source>
        <translation>期限延长</translation>
    </message>
    <message>
        <source>identity verified</source>
        <translation>身份已核验</translation>
    </message>
    <message>
        <source>receipt date confirmed</source>
        <translation>收到日期已确认</translation>
    </message>
    <message>
        <source>rule changed</source>
        <translation>规则变更</translation>
    </message>
    <message>
        <source>holiday calendar changed</source>
        <translation>节假日日历变更</translation>
    </message>
    <message>
        <source>demo date</source>
        <translation>演示日期</translation>
    </message>
    <message>
        <source>handed back to its rule</source>
        <translation>恢复按规则计算</translation>
    </message>
    <message>
        <source>the statutory deadline now falls before the date set by hand</source>
        <translation>法定期限现已早于人工设定的日期</translation>
    </message>
    <message>
        <source>the regulator&apos;s letter</source>
        <translation>监管机构来函</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动设定</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>working days, Monday to Saturday</source>
        <translation>工作日（周一至周六）</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>自然日</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>the date stated in the letter</source>
        <translation>来函所定日期</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>day and month could be swapped</source>
        <translation>日与月可能互换</translation>
    </message>
    <message>
        <source>later than the forward</source>
        <translation>晚于转发时间</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>晚于当前时间</translation>
    </message>
    <message>
        <source>more than 92 days before the forward</source>
        <translation>早于转发时间92天以上</translation>
    </message>
    <message>
        <source>from the requester</source>
        <translation>来自申请人</translation>
    </message>
    <message>
        <source>to the requester</source>
        <translation>发给申请人</translation>
    </message>
    <message>
        <source>guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>close relative</source>
        <translation>近亲属</translation>
    </message>
    <message>
        <source>authorised agent</source>
        <translation>受托代理人</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>anonymise</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>keep (legal hold)</source>
        <translation>保留（法定保存）</translation>
    </message>
    <message>
        <source>none held</source>
        <translation>未持有</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>TriageDialog</name>
    <message>
        <source>Triage</source>
        <translation>分拣</translation>
    </message>
    <message>
        <source>Confirm what the requester asks for and which law applies; the deadline is recomputed from the rule of that law.</source>
        <translation>确认申请人的请求内容和适用的法律；期限将按该法律的规则重新计算。</translation>
    </message>
    <message>
        <source>Kind of request</source>
        <translation>请求类型</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>适用法域</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
</context>
<context>
    <name>UndoableWorkflowController</name>
    <message>
        <source>triage of %1</source>
        <translation>%1 的分拣</translation>
    </message>
    <message>
        <source>Triage not undone</source>
        <translation>分拣未撤销</translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <source>Privacy Desk</source>
        <translation>Privacy Desk</translation>
    </message>
    <message>
        <source>The automatic backups are in &apos;%1&apos;.</source>
        <translation>自动备份保存在“%1”。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Privacy Desk</source>
        <translation>解锁 Privacy Desk</translation>
    </message>
    <message numerus="yes">
        <source>No keyring is available on this computer, so the new case database will be encrypted with a passphrase. Choose one of at least %n characters and keep it safe: without it the cases cannot be opened.</source>
        <translation>
            <numerusform>本机没有可用的钥匙串，新的案件数据库将使用口令加密。请设置至少 %n 个字符的口令并妥善保管：没有口令将无法打开案件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the passphrase of the case database.</source>
        <translation>请输入案件数据库的口令。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>口令至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Identity check</source>
        <translation>身份核验</translation>
    </message>
    <message>
        <source>Record how the requester&apos;s identity was checked. The evidence itself is not stored: paste a reference (e.g. the login session or ticket) and only its SHA-256 is kept.</source>
        <translation>记录申请人身份的核验方式。证明材料本身不予保存：请粘贴其引用（如登录会话或工单号），仅保存其 SHA-256 值。</translation>
    </message>
    <message>
        <source>Identity verified</source>
        <translation>身份已核验</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Evidence reference</source>
        <translation>证明材料引用</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>WorkflowController</name>
    <message>
        <source>Case not changed</source>
        <translation>案件未更改</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>No review is waiting on this case: nothing to sign off.</source>
        <translation>此案件没有待处理的复核：无需签核。</translation>
    </message>
</context>
<context>
    <name>WorkloadModel</name>
    <message>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>7日内到期</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation type="vanished">本周到期</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
</TS>
